package org.sohbet.proactive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Inbox;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.NotFoundException;
import org.sohbet.visitor.LiveVisitor;
import org.sohbet.visitor.Visitors;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The proactive module's API. Rules are evaluated on the server against the visitor's live state right after each
 * accepted tracking batch, and the invitation travels back in that batch's answer (ADR 33): the loader carries no
 * rules, and an invitation appears as soon as the batch with the triggering event is answered.
 */
@Service
public class ChatInvitations {

    static final Set<String> STEPS = Set.of("in", "cart", "address", "shipping", "payment", "review");
    static final Set<String> RETURNING = Set.of("any", "new", "returning");
    static final List<String> LANGUAGES = List.of("en", "fa", "ar", "tr", "bg");
    static final int MAX_PATTERNS = 20;
    static final int MAX_PATTERN = 300;
    static final int MAX_MESSAGE = 300;
    static final int MAX_NAME = 120;
    /** Whatever the rules say, one visitor gets at most one invitation in this time. */
    static final Duration BETWEEN_INVITATIONS = Duration.ofMinutes(1);
    /** A visitor who starts chatting this soon after an invitation counts as converted by it. */
    static final Duration CONVERSION_WINDOW = Duration.ofMinutes(30);
    /** Rules are read again after this, so edits on another node arrive without a message bus. */
    static final Duration RULES_FOR = Duration.ofSeconds(5);

    /** What the loader should do after a batch: show an invitation, and/or ask again after some milliseconds. */
    public record Decision(Optional<Invitation> invitation, long recheckMillis) {
        static final Decision NONE = new Decision(Optional.empty(), 0);
    }

    /** An invitation to show now. */
    public record Invitation(long ruleId, String text) {}

    /** A rule with how often it fired and turned into a chat. */
    public record RuleReport(InvitationRule rule, String inboxName, long fired, long converted) {}

    private record Key(long account, String visitor) {}

    private record Cached(List<RuleMatcher.Compiled> rules, Instant at) {}

    private final InvitationRepository repository;
    private final Visitors visitors;
    private final Inboxes inboxes;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> rules = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, List<InvitationRepository.Mark>> marks = new ConcurrentHashMap<>();

    ChatInvitations(InvitationRepository repository, Visitors visitors, Inboxes inboxes, Clock clock) {
        this.repository = repository;
        this.visitors = visitors;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    /**
     * Evaluates the inbox's rules for one visitor after a batch. Nothing shows while the visitor is chatting, nor past
     * a rule's caps. A rule that fires is recorded before it is returned, so counts and caps hold across nodes and
     * restarts.
     */
    public Decision evaluate(AccountId account, long inboxId, String visitorKey) {
        List<RuleMatcher.Compiled> compiled = rules(account, inboxId);
        if (compiled.isEmpty() || visitorKey == null) {
            return Decision.NONE;
        }
        if (visitors.chatOf(account, visitorKey).isPresent()) {
            return Decision.NONE;
        }
        Optional<LiveVisitor> live = visitors.liveVisitor(account, visitorKey);
        if (live.isEmpty()) {
            return Decision.NONE;
        }
        Instant now = clock.instant();
        long recheck = 0;
        List<InvitationRule> matching = new ArrayList<>();
        for (RuleMatcher.Compiled rule : compiled) {
            RuleMatcher.Verdict verdict = RuleMatcher.check(rule, live.get(), now);
            if (verdict.matches()) {
                matching.add(rule.rule());
            } else if (verdict.waitMillis() > 0) {
                recheck = recheck == 0 ? verdict.waitMillis() : Math.min(recheck, verdict.waitMillis());
            }
        }
        if (matching.isEmpty()) {
            return new Decision(Optional.empty(), recheck);
        }
        Optional<InvitationRule> fired = fire(account, visitorKey, matching, now);
        return new Decision(
                fired.map(rule ->
                        new Invitation(rule.id(), rule.message(live.get().language()))),
                recheck);
    }

    /** Under the visitor's entry, so two batches at once cannot both pass the caps. */
    private Optional<InvitationRule> fire(
            AccountId account, String visitorKey, List<InvitationRule> matching, Instant now) {
        Key key = new Key(account.value(), visitorKey);
        InvitationRule[] fired = {null};
        marks.compute(key, (k, known) -> {
            List<InvitationRepository.Mark> list = known != null
                    ? new ArrayList<>(known)
                    : new ArrayList<>(repository.marks(account, visitorKey, now.minus(Duration.ofDays(1))));
            list.removeIf(mark -> mark.at().isBefore(now.minus(Duration.ofDays(1))));
            boolean recent = list.stream().anyMatch(mark -> mark.at().isAfter(now.minus(BETWEEN_INVITATIONS)));
            if (recent) {
                return list;
            }
            for (InvitationRule rule : matching) {
                if (allowed(rule, list, now) && recorded(account, rule, visitorKey, now)) {
                    list.add(new InvitationRepository.Mark(rule.id(), now));
                    fired[0] = rule;
                    break;
                }
            }
            return list;
        });
        return Optional.ofNullable(fired[0]);
    }

    private static boolean allowed(InvitationRule rule, List<InvitationRepository.Mark> marks, Instant now) {
        long shown = 0;
        for (InvitationRepository.Mark mark : marks) {
            if (mark.ruleId() == rule.id()) {
                shown++;
                if (mark.at().isAfter(now.minus(Duration.ofMinutes(rule.cooldownMinutes())))) {
                    return false;
                }
            }
        }
        return shown < rule.maxPerVisitor();
    }

    private boolean recorded(AccountId account, InvitationRule rule, String visitorKey, Instant now) {
        try {
            if (repository.fire(account, rule.id(), visitorKey, now).isPresent()) {
                return true;
            }
        } catch (DataAccessException e) {
            // Falls through: the rule is treated as gone.
        }
        rules.remove(cacheKey(account, rule.inboxId()));
        return false;
    }

    /**
     * The visitor started chatting: the latest invitation it saw within {@link #CONVERSION_WINDOW} turned into a chat.
     */
    public void converted(AccountId account, String visitorKey) {
        if (visitorKey == null) {
            return;
        }
        Instant now = clock.instant();
        repository.convert(account, visitorKey, now.minus(CONVERSION_WINDOW), now);
    }

    private List<RuleMatcher.Compiled> rules(AccountId account, long inboxId) {
        Instant now = clock.instant();
        Cached cached = rules.get(cacheKey(account, inboxId));
        if (cached == null
                || cached.at().plus(RULES_FOR).isBefore(now)
                || cached.at().isAfter(now)) {
            cached = new Cached(
                    repository.enabled(account, inboxId).stream()
                            .map(RuleMatcher.Compiled::of)
                            .toList(),
                    now);
            rules.put(cacheKey(account, inboxId), cached);
        }
        return cached.rules();
    }

    private static String cacheKey(AccountId account, long inboxId) {
        return account.value() + ":" + inboxId;
    }

    /** Forgets visitors whose last invitation is a day old; they are read again from the table when they match. */
    @Scheduled(fixedDelay = 600_000)
    void forgetOldMarks() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        marks.values()
                .removeIf(list -> list.stream().noneMatch(mark -> mark.at().isAfter(dayAgo)));
    }

    // ---- the console ----

    /** The account's rules with their counts; admins only. */
    public List<RuleReport> report(SignedInAgent by) {
        requireManager(by);
        Map<Long, String> names = new LinkedHashMap<>();
        for (Inbox inbox : inboxes.list(by.accountId())) {
            names.put(inbox.id(), inbox.name());
        }
        Map<Long, InvitationRepository.Counts> counts = repository.counts(by.accountId());
        return repository.list(by.accountId()).stream()
                .map(rule -> {
                    InvitationRepository.Counts c =
                            counts.getOrDefault(rule.id(), new InvitationRepository.Counts(0, 0));
                    return new RuleReport(rule, names.getOrDefault(rule.inboxId(), ""), c.fired(), c.converted());
                })
                .toList();
    }

    /** The website inboxes a rule can belong to. */
    public List<Inbox> inboxes(SignedInAgent by) {
        requireManager(by);
        return inboxes.list(by.accountId()).stream()
                .filter(inbox -> "web".equals(inbox.channel()))
                .toList();
    }

    public InvitationRule find(SignedInAgent by, long id) {
        requireManager(by);
        return repository.find(by.accountId(), id).orElseThrow(NotFoundException::new);
    }

    /** Creates (id 0) or changes a rule after checking every field; another account's rule or inbox is not found. */
    public long save(SignedInAgent by, InvitationRule rule) {
        requireManager(by);
        InvitationRule clean = validate(by.accountId(), rule);
        long id;
        if (clean.id() == 0) {
            id = repository.insert(by.accountId(), clean, clock.instant());
        } else if (repository.update(by.accountId(), clean)) {
            id = clean.id();
        } else {
            throw new NotFoundException();
        }
        rules.keySet().removeIf(k -> k.startsWith(by.accountId().value() + ":"));
        return id;
    }

    public void delete(SignedInAgent by, long id) {
        requireManager(by);
        if (!repository.delete(by.accountId(), id)) {
            throw new NotFoundException();
        }
        rules.keySet().removeIf(k -> k.startsWith(by.accountId().value() + ":"));
    }

    private InvitationRule validate(AccountId account, InvitationRule rule) {
        Optional<Inbox> inbox = inboxes.find(account, rule.inboxId());
        if (inbox.isEmpty() || !"web".equals(inbox.get().channel())) {
            throw new InvitationProblem("inbox", "proactive.error.inbox");
        }
        String name = rule.name() == null ? "" : rule.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvitationProblem("name", "proactive.error.name");
        }
        List<String> patterns = new ArrayList<>();
        for (String pattern : rule.urlPatterns()) {
            String p = pattern.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > MAX_PATTERN
                    || !(p.startsWith("/") || p.startsWith("*") || p.matches("(?i)https?://.+"))
                    || p.chars().anyMatch(Character::isWhitespace)) {
                throw new InvitationProblem("urls", "proactive.error.url");
            }
            patterns.add(p);
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new InvitationProblem("urls", "proactive.error.urls");
        }
        if (rule.minSecondsOnPage() < 0 || rule.minSecondsOnPage() > 86_400) {
            throw new InvitationProblem("seconds", "proactive.error.seconds");
        }
        if (rule.minPages() < 0 || rule.minPages() > 1000) {
            throw new InvitationProblem("pages", "proactive.error.pages");
        }
        if (rule.minCart() != null
                && (rule.minCart() < 0
                        || rule.minCart() >= 1e12
                        || rule.minCart().isNaN())) {
            throw new InvitationProblem("cart", "proactive.error.cart");
        }
        if (rule.checkoutStep() != null && !STEPS.contains(rule.checkoutStep())) {
            throw new InvitationProblem("step", "proactive.error.step");
        }
        Set<String> languages = new LinkedHashSet<>();
        for (String language : rule.languages()) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            if (!l.matches("[a-z]{2,3}")) {
                throw new InvitationProblem("languages", "proactive.error.languages");
            }
            languages.add(l);
        }
        if (!RETURNING.contains(rule.returning())) {
            throw new InvitationProblem("returning", "proactive.error.returning");
        }
        Map<String, String> messages = new LinkedHashMap<>();
        for (Map.Entry<String, String> text : rule.messages().entrySet()) {
            String t = text.getValue() == null ? "" : text.getValue().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!LANGUAGES.contains(text.getKey()) || t.length() > MAX_MESSAGE) {
                throw new InvitationProblem("message_" + text.getKey(), "proactive.error.message");
            }
            messages.put(text.getKey(), t);
        }
        if (messages.isEmpty()) {
            throw new InvitationProblem("message_en", "proactive.error.noMessage");
        }
        if (rule.maxPerVisitor() < 1 || rule.maxPerVisitor() > 20) {
            throw new InvitationProblem("max", "proactive.error.max");
        }
        if (rule.cooldownMinutes() < 1 || rule.cooldownMinutes() > 1440) {
            throw new InvitationProblem("cooldown", "proactive.error.cooldown");
        }
        return new InvitationRule(
                rule.id(),
                rule.inboxId(),
                name,
                rule.enabled(),
                List.copyOf(patterns),
                rule.minSecondsOnPage(),
                rule.minPages(),
                rule.minCart(),
                rule.checkoutStep(),
                languages,
                rule.returning(),
                messages,
                rule.maxPerVisitor(),
                rule.cooldownMinutes());
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins change invitations");
        }
    }
}
