package org.sohbet.conversation;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.Team;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.ConversationRepository.NewRow;
import org.sohbet.conversation.ConversationRepository.Next;
import org.sohbet.conversation.RoutingRepository.InboxRules;
import org.sohbet.conversation.RoutingRepository.Members;
import org.sohbet.conversation.RoutingRepository.PresenceRow;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.cache.BriefCache;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic assignment. Conversations wait in a first-in-first-out queue per account; each is offered, oldest first,
 * to the online agents who serve its inbox (and team) and have free capacity, round-robin: the agent assigned longest
 * ago first, and the agent who just let it lapse last. Every decision runs under the account's advisory lock in
 * PostgreSQL, so threads and nodes never give one conversation twice or go over an agent's limit.
 */
@Component
class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);
    /** Assignments per transaction: the account's lock is let go between batches, so claims get their turn. */
    private static final int BATCH = 25;

    private static final Duration DECIDED_FOR = Duration.ofSeconds(2);
    /** How far down the queue one drain looks for conversations a free agent can take. */
    private static final int MAX_SCAN = 2_000;
    /** Dequeue times kept per inbox for the wait estimate. */
    private static final int RECENT = 20;

    private final RoutingRepository repository;
    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final Team team;
    private final Teams teams;
    private final Sellers sellers;
    private final RealtimeHub hub;
    private final TransactionTemplate transactions;
    private final TransactionTemplate nested;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<AccountId, AtomicInteger> drainRequests = new ConcurrentHashMap<>();
    private final Map<AgentId, Instant> lastAssigned = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Instant>> dequeues = new ConcurrentHashMap<>();
    private final Map<Long, AccountId> dirtyQueues = new ConcurrentHashMap<>();
    /**
     * Conversations whose arrival was decided in its own transaction, by id, with the time (nanoTime). The events of
     * that commit are handled right after it on the same thread, so a marker is needed for moments only; it expires
     * so that a later change of the same conversation is never mistaken for it.
     */
    private final Map<Long, Long> decidedAt = new ConcurrentHashMap<>();

    private final AtomicLong drainsRequested = new AtomicLong();

    Routing(
            RoutingRepository repository,
            ConversationRepository conversations,
            Timeline timeline,
            Team team,
            Teams teams,
            Sellers sellers,
            RealtimeHub hub,
            PlatformTransactionManager transactionManager) {
        this.sellers = sellers;
        this.repository = repository;
        this.conversations = conversations;
        this.timeline = timeline;
        this.team = team;
        this.teams = teams;
        this.hub = hub;
        this.transactions = new TransactionTemplate(transactionManager);
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationChanged changed) {
        ConversationSummary c = changed.conversation();
        String activity = changed.message().activity();
        boolean queueMoved = c.queued()
                || (activity != null
                        && Set.of(
                                        "assigned",
                                        "claimed",
                                        "resolved",
                                        "requeued",
                                        "unassigned",
                                        "transferred",
                                        "reopened")
                                .contains(activity));
        if (queueMoved) {
            dirtyQueues.put(c.inboxId(), c.accountId());
        }
        boolean freesCapacity = activity != null
                && Set.of("resolved", "snoozed", "pending", "unassigned", "requeued", "transferred")
                        .contains(activity);
        if ((c.queued() && !decidedAtArrival(c.id())) || freesCapacity) {
            requestDrain(c.accountId());
        }
    }

    /** Runs a drain of the account soon, on another thread; requests that arrive meanwhile share the next run. */
    void requestDrain(AccountId account) {
        drainsRequested.incrementAndGet();
        AtomicInteger requests = drainRequests.computeIfAbsent(account, a -> new AtomicInteger());
        if (requests.getAndIncrement() == 0) {
            executor.execute(() -> {
                while (true) {
                    int seen = requests.get();
                    try {
                        drain(account);
                    } catch (RuntimeException e) {
                        log.warn("Routing of account {} failed; the sweep retries", account.value(), e);
                    }
                    if (requests.compareAndSet(seen, 0)) {
                        return;
                    }
                }
            });
        }
    }

    private static final class Candidate {
        final AgentId agent;
        final int max;
        final Set<Long> teams;
        /** The seller the agent works for; null for the operator's people. */
        final Long seller;

        int load;
        Instant lastAssigned;

        Candidate(AgentId agent, int max, int load, Instant lastAssigned, Set<Long> teams, Long seller) {
            this.agent = agent;
            this.seller = seller;
            this.max = max;
            this.load = load;
            this.lastAssigned = lastAssigned;
            this.teams = teams;
        }
    }

    /**
     * What routing reads that changes rarely: memberships, teams, presence, inbox rules and members. Every arrival
     * asks for a drain, so it is kept a second and dropped at once when any of it changes (forget). Loads and the
     * queue are always read fresh, under the lock.
     */
    private record Snapshot(
            Map<AgentId, Boolean> enabled,
            List<TeamGroup> groups,
            List<PresenceRow> presence,
            Map<Long, InboxRules> rules,
            Map<Long, Members> members,
            Map<AgentId, Long> sellerOf,
            Set<Long> staffedSellers) {}

    private final BriefCache<AccountId, Snapshot> snapshots = new BriefCache<>(1_000);

    private Snapshot snapshot(AccountId account) {
        return snapshots.get(account, account, () -> {
            Map<AgentId, Boolean> enabled = new HashMap<>();
            Set<AgentId> plainAgents = new java.util.HashSet<>();
            for (Membership m : team.members(account)) {
                enabled.put(m.agentId(), m.enabled());
                if (!m.role().managesTeam()) {
                    plainAgents.add(m.agentId());
                }
            }
            // Owners and admins are the operator's even when listed for a seller (a role changed since), as in Access.
            Map<AgentId, Long> sellerOf = new HashMap<>();
            Set<Long> staffed = new java.util.HashSet<>();
            for (Seller seller : sellers.list(account)) {
                for (AgentId member : seller.members()) {
                    if (plainAgents.contains(member)) {
                        sellerOf.put(member, seller.id());
                        if (enabled.getOrDefault(member, false)) {
                            staffed.add(seller.id());
                        }
                    }
                }
            }
            return new Snapshot(
                    enabled,
                    teams.list(account),
                    repository.presence(account),
                    repository.inboxRules(account),
                    repository.inboxMembers(account),
                    Map.copyOf(sellerOf),
                    Set.copyOf(staffed));
        });
    }

    /** Availability, capacity, teams, memberships or inbox rules of the account changed. */
    void forget(AccountId account) {
        snapshots.forget(account);
    }

    /** Drops everything kept in memory (tests start each case on empty tables, with ids starting again). */
    void forgetAll() {
        snapshots.clear();
        lastAssigned.clear();
        dequeues.clear();
        dirtyQueues.clear();
        decidedAt.clear();
    }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.TeamsChanged changed) {
        forget(changed.accountId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.AgentAccessChanged changed) {
        forget(changed.accountId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.SellersChanged changed) {
        forget(changed.accountId());
    }

    /** Offers the queue to free agents until one of them runs out. Answers how many conversations were assigned. */
    int drain(AccountId account) {
        if (nothingWaiting(account)) {
            return 0;
        }
        int total = 0;
        while (true) {
            Integer assigned = transactions.execute(status -> drainBatch(account));
            total += assigned == null ? 0 : assigned;
            if (assigned == null || assigned < BATCH) {
                return total;
            }
        }
    }

    /**
     * Whether a drain would find nothing to do, answered without holding the account's lock, so that the many drains
     * after chats end do not make arrivals find the lock busy and wait for a drain of their own. Outside a transaction
     * each statement commits by itself: if nobody held the lock a moment ago, every decision made before is committed
     * and seen by the look at the queue that follows, and any decision after it sees the capacity freed before.
     */
    private boolean nothingWaiting(AccountId account) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || !repository.lockFree(account)) {
            return false;
        }
        Snapshot snapshot = snapshot(account);
        List<Long> staffed = servable(snapshot.rules(), snapshot.members(), candidates(account, snapshot, false));
        return staffed.isEmpty() || repository.queue(account, staffed, null, 1).isEmpty();
    }

    private int drainBatch(AccountId account) {
        repository.lockAccount(account);
        return drainLocked(account, null).assigned();
    }

    /** How many were assigned, and the held conversation as its assignment left it (null if it was not assigned). */
    private record Drained(int assigned, ConversationSummary held) {

        static final Drained NONE = new Drained(0, null);
    }

    /**
     * Decides inside the transaction that put a conversation in the queue, so a free agent gets it with the same
     * commit instead of after another thread's drain. Runs only when the account's lock is free at once: the caller
     * holds the conversation's row lock, and waiting here could deadlock with a claim that holds the account's lock
     * and waits for that row. When the lock is busy, the drain after the commit decides as before. Answers the
     * arriving conversation as its assignment left it, or empty when it was not assigned here.
     */
    Optional<ConversationSummary> routeArrival(AccountId account, ConversationId arriving) {
        decidedAt.remove(arriving.value());
        try {
            // A savepoint: a failed decision must not take the contact's message down with it.
            Drained drained = nested.execute(status -> {
                if (!repository.tryLockAccount(account)) {
                    return null;
                }
                return drainLocked(account, arriving);
            });
            if (drained != null && drained.assigned() < BATCH) {
                // The whole queue was offered under the lock: a drain right after this commit would find nothing new.
                pruneDecided();
                decidedAt.put(arriving.value(), System.nanoTime());
            }
            return drained == null ? Optional.empty() : Optional.ofNullable(drained.held());
        } catch (RuntimeException e) {
            log.warn("Routing of account {} at arrival failed; the drain after the commit retries", account.value(), e);
            return Optional.empty();
        }
    }

    /** How many drains were asked for since start (tests: an arrival decided inline asks for none). */
    long drainsRequested() {
        return drainsRequested.get();
    }

    /**
     * Waits until no drain runs or waits to run (tests: a drain that an agent's going online asked for holds the
     * account's lock for a moment, and an arrival meanwhile is rightly left to it).
     */
    boolean awaitDrains(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (drainRequests.values().stream().anyMatch(requests -> requests.get() > 0)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Whether the transaction that just queued this conversation already offered the queue (routeArrival). */
    private boolean decidedAtArrival(ConversationId id) {
        Long at = decidedAt.get(id.value());
        return at != null && System.nanoTime() - at < DECIDED_FOR.toNanos();
    }

    private void pruneDecided() {
        if (decidedAt.size() > 10_000) {
            long now = System.nanoTime();
            decidedAt.values().removeIf(at -> now - at >= DECIDED_FOR.toNanos());
        }
    }

    /**
     * @param held a conversation whose row lock this transaction holds already (the arrival being decided), so its row
     *     as the queue read it is current and need not be locked and read again; null for none
     */
    private Drained drainLocked(AccountId account, ConversationId held) {
        Snapshot snapshot = snapshot(account);
        Map<Long, InboxRules> rules = snapshot.rules();
        Map<Long, Members> members = snapshot.members();
        // Most drains follow a chat that ended and find nothing waiting: one look at the queue of the inboxes that
        // anyone online serves answers that without reading every agent's load. An arrival is in the queue itself.
        if (held == null) {
            List<Long> staffed = servable(rules, members, candidates(account, snapshot, false));
            if (staffed.isEmpty() || repository.queue(account, staffed, null, 1).isEmpty()) {
                return Drained.NONE;
            }
        }
        List<Candidate> free = candidates(account, snapshot, true);
        if (free.isEmpty()) {
            return Drained.NONE;
        }
        // Only inboxes a free agent serves, with automatic assignment: conversations nobody free can take must not
        // stand in front of those somebody can (the queue is read oldest first, a page at a time).
        List<Long> servable = servable(rules, members, free);
        if (servable.isEmpty()) {
            return Drained.NONE;
        }
        int assigned = 0;
        ConversationSummary heldAfter = null;
        Instant now = timeline.now();
        ConversationSummary last = null;
        for (int scanned = 0; scanned < MAX_SCAN && !free.isEmpty() && assigned < BATCH; ) {
            List<ConversationSummary> page = repository.queue(account, servable, last, BATCH);
            if (page.isEmpty()) {
                break;
            }
            scanned += page.size();
            last = page.getLast();
            for (ConversationSummary waiting : page) {
                InboxRules inbox = rules.get(waiting.inboxId());
                Candidate pick = choose(free, waiting, inbox, members.get(waiting.inboxId()), snapshot);
                if (pick == null) {
                    continue;
                }
                ConversationSummary locked = waiting.id().equals(held)
                        ? waiting
                        : conversations.lock(account, waiting.id()).orElse(null);
                if (locked == null || !locked.queued()) {
                    continue;
                }
                ConversationSummary after = assign(account, locked, pick, inbox, now);
                if (locked.id().equals(held)) {
                    heldAfter = after;
                }
                if (pick.load >= pick.max) {
                    free.remove(pick);
                }
                assigned++;
                if (free.isEmpty() || assigned >= BATCH) {
                    break;
                }
            }
            if (page.size() < BATCH) {
                break;
            }
        }
        return new Drained(assigned, heldAfter);
    }

    /** The inboxes with automatic assignment that one of these agents serves. */
    private static List<Long> servable(
            Map<Long, InboxRules> rules, Map<Long, Members> members, List<Candidate> agents) {
        List<Long> servable = new ArrayList<>();
        for (InboxRules inbox : rules.values()) {
            if (inbox.autoAssign()
                    && agents.stream().anyMatch(x -> Access.serves(inbox, members.get(inbox.id()), x.agent, x.teams))) {
                servable.add(inbox.id());
            }
        }
        return servable;
    }

    private ConversationSummary assign(
            AccountId account, ConversationSummary locked, Candidate pick, InboxRules inbox, Instant now) {
        Instant due = inbox.noAnswerMinutes() == null ? null : now.plus(Duration.ofMinutes(inbox.noAnswerMinutes()));
        ConversationSummary after = timeline.store(
                        account,
                        locked,
                        new NewRow(
                                "activity",
                                Author.SYSTEM,
                                null,
                                null,
                                "assigned",
                                null,
                                null,
                                null,
                                locked.status(),
                                pick.agent,
                                null),
                        Next.of(locked).assignee(pick.agent).due(due),
                        null,
                        null,
                        false)
                .after();
        repository.markAssigned(account, pick.agent, now);
        lastAssigned.put(pick.agent, now);
        pick.load++;
        pick.lastAssigned = now;
        dequeued(locked.inboxId(), now);
        return after;
    }

    private static Candidate choose(
            List<Candidate> free, ConversationSummary c, InboxRules inbox, Members members, Snapshot snapshot) {
        return free.stream()
                .filter(x -> Access.serves(inbox, members, x.agent, x.teams))
                .filter(x -> sellerFits(x, c, snapshot))
                .filter(x -> c.teamId() == null || x.teams.contains(c.teamId()))
                .min(Comparator.comparing((Candidate x) -> x.agent.equals(c.passedBy()))
                        .thenComparing(x -> x.lastAssigned, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(x -> x.agent.value()))
                .orElse(null);
    }

    /**
     * A seller's conversation goes to that seller's agents; to the operator's people when the seller has no enabled
     * agent (ADR 32). A seller's agent never gets another seller's or the operator's own conversation.
     */
    private static boolean sellerFits(Candidate x, ConversationSummary c, Snapshot snapshot) {
        if (c.sellerId() != null && snapshot.staffedSellers().contains(c.sellerId())) {
            return c.sellerId().equals(x.seller);
        }
        return x.seller == null;
    }

    /**
     * Online, enabled agents; with {@code withRoom}, only those under their limit. The last-assigned times come from
     * this process's own decisions when newer than the snapshot's, so round-robin holds between snapshots.
     */
    private List<Candidate> candidates(AccountId account, Snapshot snapshot, boolean withRoom) {
        Map<AgentId, Integer> loads = withRoom ? repository.loads(account) : Map.of();
        List<Candidate> result = new ArrayList<>();
        for (PresenceRow row : snapshot.presence()) {
            if (!"online".equals(row.availability()) || !snapshot.enabled().getOrDefault(row.agent(), false)) {
                continue;
            }
            int load = loads.getOrDefault(row.agent(), 0);
            if (withRoom && load >= row.maxChats()) {
                continue;
            }
            Instant last = row.lastAssignedAt();
            Instant mine = lastAssigned.get(row.agent());
            if (mine != null && (last == null || mine.isAfter(last))) {
                last = mine;
            }
            result.add(new Candidate(
                    row.agent(),
                    row.maxChats(),
                    load,
                    last,
                    Access.teamsOf(snapshot.groups(), row.agent()),
                    snapshot.sellerOf().get(row.agent())));
        }
        return result;
    }

    boolean anyoneServing(AccountId account, long inboxId) {
        Snapshot snapshot = snapshot(account);
        InboxRules inbox = snapshot.rules().get(inboxId);
        if (inbox == null) {
            return false;
        }
        Members members = snapshot.members().get(inboxId);
        return candidates(account, snapshot, false).stream()
                .anyMatch(c -> Access.serves(inbox, members, c.agent, c.teams));
    }

    /** Assigned conversations whose agent did not answer in time go back to the queue, at their old place. */
    void requeueOverdue() {
        for (RoutingRepository.Due due : repository.overdue(timeline.now(), BATCH)) {
            transactions.executeWithoutResult(status -> {
                repository.lockAccount(due.account());
                ConversationSummary c =
                        conversations.lock(due.account(), due.id()).orElse(null);
                Instant now = timeline.now();
                if (c == null || c.replyDueAt() == null || c.replyDueAt().isAfter(now) || c.assigneeId() == null) {
                    return;
                }
                timeline.append(
                        due.account(),
                        c,
                        new NewRow(
                                "activity",
                                Author.SYSTEM,
                                null,
                                null,
                                "requeued",
                                null,
                                null,
                                null,
                                c.status(),
                                c.assigneeId(),
                                null),
                        Next.of(c)
                                .assignee(null)
                                .due(null)
                                .passedBy(c.assigneeId())
                                .queued(c.queuedAt() != null ? c.queuedAt() : now),
                        null);
            });
        }
    }

    /** Snoozed conversations whose time has come are open again (and queued if nobody has them). */
    void wakeSnoozed() {
        for (RoutingRepository.Due due : repository.snoozeOver(timeline.now(), BATCH)) {
            transactions.executeWithoutResult(status -> {
                repository.lockAccount(due.account());
                ConversationSummary c =
                        conversations.lock(due.account(), due.id()).orElse(null);
                Instant now = timeline.now();
                if (c == null
                        || c.status() != ConversationStatus.SNOOZED
                        || c.snoozedUntil().isAfter(now)) {
                    return;
                }
                Next next = Next.of(c).status(ConversationStatus.OPEN).snoozed(null);
                if (c.assigneeId() == null) {
                    next = next.queued(c.queuedAt() != null ? c.queuedAt() : now);
                }
                timeline.append(
                        due.account(),
                        c,
                        Conversations.activity(Author.SYSTEM, null, "woke", ConversationStatus.OPEN),
                        next,
                        null);
            });
        }
    }

    /** A safety net for drains lost with a node: every account with a queue gets one. */
    void drainAll() {
        for (Long account : repository.accountsWithQueue()) {
            requestDrain(new AccountId(account));
        }
    }

    Optional<QueueSpot> spot(ConversationSummary c) {
        if (!c.queued()) {
            return Optional.empty();
        }
        List<Long> line = repository.inboxQueue(c.accountId(), c.inboxId());
        int index = line.indexOf(c.id().value());
        if (index < 0) {
            return Optional.empty();
        }
        return Optional.of(new QueueSpot(c.id().value(), index + 1, eta(c.inboxId(), index + 1)));
    }

    /** Sends every waiting visitor of the inboxes whose queue moved their new place; at most once per call. */
    void publishQueues() {
        List<Map.Entry<Long, AccountId>> dirty = new ArrayList<>(dirtyQueues.entrySet());
        for (Map.Entry<Long, AccountId> entry : dirty) {
            dirtyQueues.remove(entry.getKey(), entry.getValue());
            List<Long> line = repository.inboxQueue(entry.getValue(), entry.getKey());
            for (int i = 0; i < line.size(); i++) {
                QueueSpot spot = new QueueSpot(line.get(i), i + 1, eta(entry.getKey(), i + 1));
                hub.publish(
                        RealtimeHub.conversationTopic(spot.conversationId()),
                        new LiveEvent("queue", 0, "system", Frames.queue(spot)));
            }
        }
    }

    private void dequeued(long inboxId, Instant at) {
        Deque<Instant> recent = dequeues.computeIfAbsent(inboxId, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(at);
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
    }

    /** Position times the mean gap between recent dequeues; unknown until the inbox has a little history. */
    private Long eta(long inboxId, int position) {
        Deque<Instant> recent = dequeues.get(inboxId);
        if (recent == null) {
            return null;
        }
        synchronized (recent) {
            if (recent.size() < 3) {
                return null;
            }
            long span = Duration.between(recent.getFirst(), recent.getLast()).toSeconds();
            double gap = Math.max(1.0, span / (double) (recent.size() - 1));
            return Math.round(gap * position);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
