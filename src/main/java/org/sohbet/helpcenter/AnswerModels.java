package org.sohbet.helpcenter;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sohbet.account.AccountId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each account's language-model endpoint for the FAQ bot (ADR 0024): saved and tested from the help center settings,
 * off by default, the key sealed at rest and never shown again.
 */
@Service
class AnswerModels {

    static final int MAX_KEY_LENGTH = 500;
    static final int MAX_MODEL_LENGTH = 200;
    static final int MAX_TIMEOUT_SECONDS = 60;

    /** The settings form as posted; a blank key keeps the stored one unless {@code removeKey}. */
    record Form(
            boolean enabled, String baseUrl, String model, String apiKey, boolean removeKey, String timeoutSeconds) {}

    /** What a connection test found: {@code code} is a message key, {@code detail} safe to show (never a body). */
    record Test(boolean ok, String code, String detail, long millis) {}

    private final AnswerModelRepository repository;
    private final HelpSecrets secrets;
    private final ChatCompletions completions;
    private final ModelUrls urls;
    private final Clock clock;

    AnswerModels(
            AnswerModelRepository repository,
            HelpSecrets secrets,
            Clock clock,
            @Value("${sohbet.help.model-private-hosts:}") String privateHosts) {
        this.repository = repository;
        this.secrets = secrets;
        this.completions = new ChatCompletions();
        this.clock = clock;
        this.urls = new ModelUrls(hosts(privateHosts));
    }

    AnswerModel of(AccountId account) {
        return repository
                .find(account.value())
                .map(s -> new AnswerModel(s.enabled(), s.baseUrl(), s.model(), s.sealedKey() != null, s.timeout()))
                .orElse(AnswerModel.none());
    }

    void save(AccountId account, Form form) {
        Checked checked = check(account, form);
        repository.save(
                account.value(),
                new AnswerModelRepository.Stored(
                        form.enabled(), checked.baseUrl(), checked.model(), checked.sealedKey(), checked.timeout()),
                clock.instant());
    }

    /** Sends a tiny request with the form's values (the stored key when the form has none); saves nothing. */
    Test test(AccountId account, Form form) {
        Checked checked = check(account, form);
        if (checked.baseUrl().isEmpty()) {
            throw new HelpProblem("ai.baseUrl", "helpAi.error.url");
        }
        long start = System.nanoTime();
        ChatCompletions.Result result = completions.complete(
                endpoint(checked), "You check a connection. Reply with the single word OK.", "Connection test");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return switch (result) {
            case ChatCompletions.Reply reply -> new Test(true, "helpAi.test.ok", "", millis);
            case ChatCompletions.Failed failed ->
                new Test(false, "helpAi.test.failed." + failed.reason().name().toLowerCase(), failed.detail(), millis);
        };
    }

    /** The endpoint to call for the account's answers, when switched on and its address still passes the checks. */
    Optional<ChatCompletions.Endpoint> active(AccountId account) {
        Optional<AnswerModelRepository.Stored> stored =
                repository.find(account.value()).filter(AnswerModelRepository.Stored::enabled);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        AnswerModelRepository.Stored s = stored.get();
        return Optional.of(
                endpoint(new Checked(urls.check(s.baseUrl()).toString(), s.model(), s.sealedKey(), s.timeout())));
    }

    ChatCompletions completions() {
        return completions;
    }

    private ChatCompletions.Endpoint endpoint(Checked checked) {
        String key = checked.sealedKey() == null ? null : secrets.open(checked.sealedKey());
        return new ChatCompletions.Endpoint(
                java.net.URI.create(checked.baseUrl()), checked.model(), key, checked.timeout());
    }

    private record Checked(String baseUrl, String model, byte[] sealedKey, Duration timeout) {}

    private Checked check(AccountId account, Form form) {
        Duration timeout;
        try {
            long seconds = Long.parseLong(
                    form.timeoutSeconds() == null ? "" : form.timeoutSeconds().strip());
            if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
                throw new NumberFormatException();
            }
            timeout = Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new HelpProblem("ai.timeout", "helpAi.error.timeout");
        }
        String model = form.model() == null ? "" : form.model().strip();
        if (model.length() > MAX_MODEL_LENGTH
                || model.chars().anyMatch(Character::isISOControl)
                || (form.enabled() && model.isEmpty())) {
            throw new HelpProblem("ai.model", "helpAi.error.model");
        }
        String url = form.baseUrl() == null ? "" : form.baseUrl().strip();
        if (!url.isEmpty() || form.enabled()) {
            url = urls.check(url).toString();
        }
        String key = form.apiKey() == null ? "" : form.apiKey().strip();
        // The key goes into a header: visible ASCII only, so it cannot split the request.
        if (key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new HelpProblem("ai.apiKey", "helpAi.error.key");
        }
        byte[] sealed;
        if (!key.isEmpty()) {
            sealed = secrets.seal(key);
        } else if (form.removeKey()) {
            sealed = null;
        } else {
            sealed = repository
                    .find(account.value())
                    .map(AnswerModelRepository.Stored::sealedKey)
                    .orElse(null);
        }
        return new Checked(url, model, sealed, timeout);
    }

    private static Set<String> hosts(String list) {
        return Arrays.stream(list == null ? new String[0] : list.split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
