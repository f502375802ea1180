package org.sohbet.livechat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.events.AccountCreated;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's website inboxes. Every account gets one at setup. */
@Service
public class WebsiteInboxes {

    static final int MAX_TEXT = 300;
    /** This channel's tag in the inbox registry. */
    public static final String CHANNEL = "web";

    private final WebsiteInboxRepository repository;
    private final Inboxes registry;
    private final SecureRandom random = new SecureRandom();

    WebsiteInboxes(WebsiteInboxRepository repository, Inboxes registry) {
        this.repository = repository;
        this.registry = registry;
    }

    /** Runs inside the setup transaction, so an account never exists without its default inbox. */
    @EventListener
    void onAccountCreated(AccountCreated created) {
        create(created.accountId(), "Website");
    }

    @Transactional
    public WebsiteInbox create(AccountId account, String name) {
        long id = registry.create(account, name, CHANNEL).id();
        repository.insert(account, id, randomToken(16), randomToken(32));
        return repository.find(account, id).orElseThrow();
    }

    public List<WebsiteInbox> list(AccountId account) {
        return repository.list(account);
    }

    public WebsiteInbox get(AccountId account, long id) {
        return repository.find(account, id).orElseThrow(NotFoundException::new);
    }

    public Optional<WebsiteInbox> byKey(String publicKey) {
        if (publicKey == null || !publicKey.matches("[A-Za-z0-9_-]{16,64}")) {
            return Optional.empty();
        }
        return repository.findByKey(publicKey);
    }

    /**
     * {@link #byKey}, kept {@link #RECENT} on this node, for the tracking endpoint: asking PostgreSQL on every batch
     * made the connection pool the limit of ingestion (1,200 requests waiting for 16 connections at 3,000 events/s).
     * Changes made here clear it at once. Unknown keys are kept too, in a bounded map, so random keys cannot reach the
     * database at will.
     */
    public Optional<WebsiteInbox> byKeyRecent(String publicKey) {
        if (publicKey == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Recent kept = recent.get(publicKey);
        if (kept != null && now - kept.at() < RECENT.toNanos()) {
            return kept.inbox();
        }
        if (recent.size() >= MAX_RECENT) {
            recent.clear();
        }
        // One lookup per key at a time: a burst of batches for a cold key waits for it instead of each taking a
        // connection (the first measurement had 1,400 requests queued on the pool for the same key).
        return recent.compute(
                        publicKey,
                        (key, before) -> before != null && now - before.at() < RECENT.toNanos()
                                ? before
                                : new Recent(byKey(key), now))
                .inbox();
    }

    private record Recent(Optional<WebsiteInbox> inbox, long at) {}

    static final java.time.Duration RECENT = java.time.Duration.ofSeconds(5);
    private static final int MAX_RECENT = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Recent> recent =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The demo shop's inbox: the oldest account's first inbox. */
    public Optional<WebsiteInbox> demoInbox() {
        return repository.firstInbox();
    }

    /**
     * @throws InboxProblem naming the field when the input breaks a rule
     */
    @Transactional
    public void update(
            AccountId account,
            long id,
            String name,
            String domains,
            boolean preChat,
            Map<String, String> greeting,
            Map<String, String> replyTime) {
        get(account, id);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > Inboxes.MAX_NAME) {
            throw new InboxProblem("name", "inbox.error.name");
        }
        AllowedDomains.Parsed parsed = AllowedDomains.parse(domains);
        if (parsed.invalid() != null) {
            throw new InboxProblem("domains", "inbox.error.domain");
        }
        registry.rename(account, id, cleanName);
        recent.clear();
        repository.update(
                account, id, parsed.entries(), preChat, texts(greeting, "greeting"), texts(replyTime, "replyTime"));
    }

    /** Whether a page an agent pushes opens in the visitor's tab at once rather than after the visitor's click. */
    public boolean pushNavigates(AccountId account, long id) {
        get(account, id);
        return repository.pushNavigates(account, id);
    }

    public void setPushNavigates(AccountId account, long id, boolean navigates) {
        get(account, id);
        repository.setPushNavigates(account, id, navigates);
    }

    @Transactional
    public void rotateSecret(AccountId account, long id) {
        get(account, id);
        recent.clear();
        repository.updateSecret(account, id, randomToken(32));
    }

    private static Map<String, String> texts(Map<String, String> byLanguage, String field) {
        var result = new java.util.TreeMap<String, String>();
        byLanguage.forEach((tag, text) -> {
            if (Language.fromTag(tag).isEmpty()) {
                throw new InboxProblem(field, "inbox.error.language");
            }
            String clean = text == null ? "" : text.strip();
            if (clean.length() > MAX_TEXT) {
                throw new InboxProblem(field, "inbox.error.textLength");
            }
            if (!clean.isEmpty()) {
                result.put(tag, clean);
            }
        });
        return result;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** Input an admin must correct; the code is a message key. */
    public static class InboxProblem extends RuntimeException {
        private final String field;
        private final String code;

        InboxProblem(String field, String code) {
            super(code, null, false, false);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }
    }
}
