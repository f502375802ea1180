package org.sohbet.conversation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.cache.BriefCache;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * The account's inboxes, whatever their channel. A channel module creates an inbox here and keeps its own settings
 * beside it under the same id.
 */
@Service
public class Inboxes {

    public static final int MAX_NAME = 120;
    public static final int MAX_AWAY_TEXT = 300;

    private final InboxRepository repository;
    private final RoutingRepository routing;
    private final Routing router;
    private final Access access;
    private final Cycles cycles;
    private final Clock clock;

    Inboxes(
            InboxRepository repository,
            RoutingRepository routing,
            Routing router,
            Access access,
            Cycles cycles,
            Clock clock) {
        this.cycles = cycles;
        this.access = access;
        this.repository = repository;
        this.routing = routing;
        this.router = router;
        this.clock = clock;
    }

    /**
     * How an inbox routes: who serves it (when restricted), automatic assignment, the no-answer timeout, weekly hours
     * in the account's timezone with holidays, and the away text per language tag.
     */
    public record Rules(
            boolean restricted,
            Set<AgentId> agents,
            Set<Long> teams,
            boolean autoAssign,
            Integer noAnswerMinutes,
            Map<DayOfWeek, List<BusinessHours.Range>> week,
            List<LocalDate> holidays,
            Map<String, String> awayText) {}

    public Rules rules(AccountId account, long id) {
        get(account, id);
        RoutingRepository.InboxRules rules = routing.inboxRules(account).get(id);
        RoutingRepository.Members members =
                routing.inboxMembers(account).getOrDefault(id, new RoutingRepository.Members(Set.of(), Set.of()));
        BusinessHours hours = BusinessHours.parse(rules.hoursJson(), rules.holidays(), ZoneOffset.UTC);
        return new Rules(
                rules.restricted(),
                Set.copyOf(members.agents()),
                Set.copyOf(members.teams()),
                rules.autoAssign(),
                rules.noAnswerMinutes(),
                hours.week(),
                rules.holidays().stream().sorted().toList(),
                Frames.mapper().readValue(rules.awayTextJson(), new TypeReference<Map<String, String>>() {}));
    }

    /** Owners and admins change an inbox's routing. Teams and agents not of the account are refused. */
    @Transactional
    public void updateRules(SignedInAgent by, long id, Rules rules) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins change routing");
        }
        get(by.accountId(), id);
        if (rules.noAnswerMinutes() != null && (rules.noAnswerMinutes() < 1 || rules.noAnswerMinutes() > 1440)) {
            throw new ConversationProblem("invalid");
        }
        Map<String, String> away = new TreeMap<>();
        rules.awayText().forEach((tag, text) -> {
            if (Language.fromTag(tag).isEmpty() || (text != null && text.strip().length() > MAX_AWAY_TEXT)) {
                throw new ConversationProblem("invalid");
            }
            if (text != null && !text.isBlank()) {
                away.put(tag, text.strip());
            }
        });
        BusinessHours hours = new BusinessHours(rules.week(), Set.copyOf(rules.holidays()), ZoneOffset.UTC);
        routing.updateInboxRules(
                by.accountId(),
                id,
                rules.restricted(),
                rules.autoAssign(),
                rules.noAnswerMinutes(),
                hours.toJson(),
                rules.holidays(),
                Frames.write(away));
        routing.replaceInboxMembers(by.accountId(), id, rules.agents(), rules.teams());
        AfterCommit.run(() -> {
            forgetOpen(by.accountId());
            router.forget(by.accountId());
            access.forget(by.accountId());
            router.requestDrain(by.accountId());
        });
    }

    /**
     * Whether a contact can reach a person now: inside the inbox's hours and with an agent online who serves it.
     * When not, the widget offers to leave a message.
     */
    public boolean openNow(AccountId account, long id) {
        // Every widget that connects asks; the answer is kept a second, so a burst of visitors asks once.
        return openAnswers.get(account, List.of(account.value(), id), () -> computeOpenNow(account, id));
    }

    /** By account and inbox: an id of another account's inbox must never get that inbox's answer. */
    private final BriefCache<List<Long>, Boolean> openAnswers = new BriefCache<>(1_000);

    void forgetAll() {
        openAnswers.clear();
    }

    /** Someone's availability or an inbox's rules changed: the next visitor gets a fresh answer. */
    void forgetOpen(AccountId account) {
        openAnswers.forget(account);
    }

    private boolean computeOpenNow(AccountId account, long id) {
        // An unknown inbox has nobody serving it, so it is never open.
        return cycles.hours(account, id).isOpen(clock.instant()) && router.anyoneServing(account, id);
    }

    /** The away text in the language, else the account's default language's, else none. */
    public Map<String, String> awayText(AccountId account, long id) {
        RoutingRepository.InboxRules rules = routing.inboxRules(account).get(id);
        return rules == null
                ? Map.of()
                : Frames.mapper().readValue(rules.awayTextJson(), new TypeReference<Map<String, String>>() {});
    }

    /**
     * @param channel the channel module's tag, 2–20 lower-case letters
     */
    @Transactional
    public Inbox create(AccountId account, String name, String channel) {
        long id = repository.insert(account, checkName(name), channel, DatabaseTime.truncate(clock.instant()));
        routing.forgetInboxRules(account);
        return repository.find(account, id).orElseThrow();
    }

    public List<Inbox> list(AccountId account) {
        return repository.list(account);
    }

    public Optional<Inbox> find(AccountId account, long id) {
        return repository.find(account, id);
    }

    public Inbox get(AccountId account, long id) {
        return find(account, id).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public void rename(AccountId account, long id, String name) {
        get(account, id);
        repository.rename(account, id, checkName(name));
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new ConversationProblem("invalid");
        }
        return clean;
    }
}
