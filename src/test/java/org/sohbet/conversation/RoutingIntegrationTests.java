package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sohbet.conversation.RoutingFixture.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.AgentId;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class RoutingIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    @Autowired
    Availability availability;

    @Autowired
    Inboxes inboxes;

    @Autowired
    Routing routing;

    @Autowired
    ConversationViews views;

    @Autowired
    Teams teams;

    RoutingFixture shop;

    @BeforeEach
    void shop() {
        shop = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@shop.test", true);
    }

    @Test
    void newConversationsGoRoundRobinToOnlineAgentsWithRoomAndWaitInLineWhenAllAreFull() {
        SignedInAgent ali = shop.online("Ali", 1);
        SignedInAgent bea = shop.online("Bea", 1);
        shop.agent("Cem"); // offline: never chosen

        ConversationSummary first = shop.arrive("v1");
        routing.drain(shop.owner.accountId());
        ConversationSummary second = shop.arrive("v2");
        routing.drain(shop.owner.accountId());
        ConversationSummary third = shop.arrive("v3");
        ConversationSummary fourth = shop.arrive("v4");
        routing.drain(shop.owner.accountId());

        assertThat(Set.of(shop.now(first).assigneeId(), shop.now(second).assigneeId()))
                .as("one each: round-robin, and nobody over a limit of 1")
                .containsExactlyInAnyOrder(ali.agentId(), bea.agentId());
        assertThat(shop.now(third).queued()).isTrue();
        assertThat(conversations.queueSpot(shop.now(third)).orElseThrow().position())
                .isEqualTo(1);
        assertThat(conversations.queueSpot(shop.now(fourth)).orElseThrow().position())
                .isEqualTo(2);

        SignedInAgent freed = owner(shop.now(first).assigneeId(), ali, bea);
        conversations.resolve(freed, first.id());
        routing.drain(shop.owner.accountId());

        assertThat(shop.now(third).assigneeId())
                .as("first in line, first served")
                .isEqualTo(freed.agentId());
        assertThat(shop.now(fourth).queued()).isTrue();
        assertThat(conversations.queueSpot(shop.now(fourth)).orElseThrow().position())
                .isEqualTo(1);
        assertThat(conversations.messagesAfter(shop.owner.accountId(), third.id(), 0))
                .extracting(m -> m.activity() == null ? m.kind() : m.activity() + ":" + m.subjectName())
                .containsExactly("text", "assigned:" + (freed == ali ? "Ali" : "Bea"));
    }

    private static SignedInAgent owner(AgentId id, SignedInAgent... agents) {
        for (SignedInAgent agent : agents) {
            if (agent.agentId().equals(id)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + id);
    }

    @Test
    void aFreeAgentGetsANewConversationInTheSameCommitThatQueuedIt() throws InterruptedException {
        SignedInAgent ali = shop.online("Ali", 2);
        assertThat(routing.awaitDrains(Duration.ofSeconds(10))).isTrue();
        TransactionTemplate transactions =
                new TransactionTemplate(applicationContext.getBean(PlatformTransactionManager.class));

        // Before the commit no other thread can see the conversation, so an assignment seen here was decided inline.
        AgentId assignedBeforeCommit = transactions.execute(status -> {
            ConversationSummary arrived = shop.arrive("v1");
            return shop.now(arrived).assigneeId();
        });

        assertThat(assignedBeforeCommit).isEqualTo(ali.agentId());
    }

    @Test
    void anArrivalDecidedInItsOwnCommitAsksForNoSecondDrain() throws InterruptedException {
        shop.online("Ali", 1);
        assertThat(routing.awaitDrains(Duration.ofSeconds(10))).isTrue();
        long before = routing.drainsRequested();

        ConversationSummary served = shop.arrive("v1");
        long afterServed = routing.drainsRequested();
        ConversationSummary waiting = shop.arrive("v2");

        assertThat(shop.now(served).assigneeId()).isNotNull();
        assertThat(afterServed).as("decided inline, nothing left to drain").isEqualTo(before);
        assertThat(shop.now(waiting).queued()).isTrue();
        assertThat(routing.drainsRequested())
                .as("Ali is full: the queue was offered inline too")
                .isEqualTo(before);
    }

    @Test
    void anArrivalNeverWaitsForTheAccountsLockAndTheDrainAfterwardsAssignsIt() throws Exception {
        SignedInAgent ali = shop.online("Ali", 2);
        RoutingRepository routingRepository = applicationContext.getBean(RoutingRepository.class);
        TransactionTemplate transactions =
                new TransactionTemplate(applicationContext.getBean(PlatformTransactionManager.class));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> decision = pool.submit(() -> transactions.executeWithoutResult(status -> {
                routingRepository.lockAccount(shop.owner.accountId());
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            long drains = routing.drainsRequested();
            ConversationSummary arrived = pool.submit(() -> shop.arrive("v1")).get(10, TimeUnit.SECONDS);

            assertThat(shop.now(arrived).queued())
                    .as("stored while another decision holds the lock, and still in line")
                    .isTrue();
            assertThat(routing.drainsRequested())
                    .as("left to the drain after the commit")
                    .isGreaterThan(drains);
            release.countDown();
            decision.get(10, TimeUnit.SECONDS);
            routing.drain(shop.owner.accountId());
            assertThat(shop.now(arrived).assigneeId()).isEqualTo(ali.agentId());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void parallelArrivalsAndDrainsNeverAssignTwiceNorExceedALimit() throws Exception {
        List<SignedInAgent> agents = new ArrayList<>();
        for (String name : List.of("Ali", "Bea", "Cem", "Dan")) {
            agents.add(shop.online(name, 3));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                work.add(pool.submit(() -> shop.arrive("visitor " + n)));
                if (i % 5 == 0) {
                    work.add(pool.submit(() -> routing.drain(shop.owner.accountId())));
                }
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        routing.drain(shop.owner.accountId());

        Map<Long, Long> loads = new HashMap<>();
        jdbc.sql("select assignee_id, count(*) n from conversation where status = 'open' and assignee_id is not null"
                        + " group by assignee_id")
                .query(rs -> {
                    loads.put(rs.getLong("assignee_id"), rs.getLong("n"));
                });
        assertThat(loads.values())
                .as("every agent full, none over 3")
                .containsOnly(3L)
                .hasSize(4);
        assertThat(jdbc.sql("select count(*) from message where activity = 'assigned' group by conversation_id"
                                + " having count(*) > 1")
                        .query(Long.class)
                        .list())
                .as("no conversation assigned twice")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from conversation where assignee_id is null and queued_at is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(28);
    }

    @Test
    void aLongQueueNobodyCanServeDoesNotHoldBackAConversationSomeoneCan() {
        shop.rules(true, Set.of(), Set.of(), true, null); // the website inbox: served by no one
        for (int i = 0; i < 150; i++) {
            shop.arrive("stuck " + i);
        }
        long other = inboxes.create(shop.owner.accountId(), "Second", "email").id();
        SignedInAgent ali = shop.online("Ali", 5);
        var contact = contacts.createAnonymous(shop.owner.accountId(), "Late", null);
        conversations.postFromContact(shop.owner.accountId(), other, contact.id(), "late-1", "hello");
        routing.drain(shop.owner.accountId());
        assertThat(conversations
                        .forContact(shop.owner.accountId(), other, contact.id())
                        .orElseThrow()
                        .assigneeId())
                .isEqualTo(ali.agentId());
    }

    @Test
    void twoAgentsClaimingAtOnceGetOneWinnerAndOneTakenEveryTime() throws Exception {
        SignedInAgent ali = shop.agent("Ali");
        SignedInAgent bea = shop.agent("Bea");
        for (int round = 0; round < 10; round++) {
            ConversationSummary c = shop.arrive("visitor " + round);
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger won = new AtomicInteger();
            List<String> lost = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            for (SignedInAgent agent : List.of(ali, bea)) {
                pool.submit(() -> {
                    start.await();
                    try {
                        conversations.claim(agent, c.id());
                        won.incrementAndGet();
                    } catch (ConversationProblem problem) {
                        lost.add(problem.code());
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(won.get()).isEqualTo(1);
            assertThat(lost).containsExactly("taken");
            assertThat(conversations.messagesAfter(shop.owner.accountId(), c.id(), 0))
                    .filteredOn(m -> "claimed".equals(m.activity()))
                    .hasSize(1);
        }
    }

    @Test
    void anAssignmentWithoutAnAnswerInTimeGoesBackToTheQueueAndToSomeoneElse() {
        shop.rules(false, Set.of(), Set.of(), true, 2);
        SignedInAgent ali = shop.online("Ali", 5);
        ConversationSummary waiting = shop.arrive("v1");
        routing.drain(shop.owner.accountId());
        assertThat(shop.now(waiting).assigneeId()).isEqualTo(ali.agentId());
        ConversationSummary answered = shop.arrive("v2");
        routing.drain(shop.owner.accountId());
        conversations.postFromAgent(ali, answered.id(), "r1", "Hello!");

        clock.advance(Duration.ofMinutes(1));
        routing.requeueOverdue();
        assertThat(shop.now(waiting).assigneeId()).as("not due yet").isEqualTo(ali.agentId());

        SignedInAgent bea = shop.online("Bea", 5);
        clock.advance(Duration.ofMinutes(2));
        routing.requeueOverdue();
        ConversationSummary requeued = shop.now(waiting);
        assertThat(requeued.assigneeId()).isNull();
        assertThat(requeued.passedBy()).isEqualTo(ali.agentId());
        assertThat(requeued.queuedAt()).as("keeps its place in line").isEqualTo(waiting.queuedAt());
        assertThat(shop.now(answered).assigneeId()).as("an answered chat stays").isEqualTo(ali.agentId());

        routing.drain(shop.owner.accountId());
        assertThat(shop.now(waiting).assigneeId())
                .as("offered to the other agent first")
                .isEqualTo(bea.agentId());
        assertThat(conversations.messagesAfter(shop.owner.accountId(), waiting.id(), 0))
                .extracting(MessageView::activity)
                .containsExactly(null, "assigned", "requeued", "assigned");
    }

    @Test
    void aMessageLeftWhileNobodyIsOnlineWaitsAsPendingAndGoesToTheFirstAgentOnline() {
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox))
                .as("nobody online")
                .isFalse();
        var contact = contacts.createAnonymous(shop.owner.accountId(), "Leyla", "leyla@example.test");
        conversations.leaveMessage(shop.owner.accountId(), shop.inbox, contact.id(), "off-1", "Do you ship to Izmir?");
        conversations.leaveMessage(shop.owner.accountId(), shop.inbox, contact.id(), "off-1", "Do you ship to Izmir?");
        ConversationSummary left = conversations
                .forContact(shop.owner.accountId(), shop.inbox, contact.id())
                .orElseThrow();
        assertThat(left.status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(left.queued()).isTrue();
        assertThat(conversations.messagesAfter(shop.owner.accountId(), left.id(), 0))
                .as("a retry stores nothing twice")
                .hasSize(1);
        assertThat(views.list(
                                shop.owner,
                                new ConversationViews.Query(
                                        ConversationViews.View.UNASSIGNED,
                                        null,
                                        ConversationStatus.PENDING,
                                        null,
                                        null,
                                        null))
                        .rows())
                .extracting(ConversationSummary::id)
                .containsExactly(left.id());

        SignedInAgent ali = shop.online("Ali", 2);
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox)).isTrue();
        routing.drain(shop.owner.accountId());
        assertThat(shop.now(left).assigneeId()).isEqualTo(ali.agentId());
        conversations.postFromAgent(ali, left.id(), "r1", "Yes, we do.");
        assertThat(shop.now(left).status()).as("answering opens it").isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void outsideBusinessHoursTheInboxIsClosedEvenWithAgentsOnline() {
        shop.online("Ali", 2);
        var now = clock.instant().atZone(java.time.ZoneOffset.UTC);
        var today = now.getDayOfWeek();
        Inboxes.Rules rules = inboxes.rules(shop.owner.accountId(), shop.inbox);
        // Open only on another weekday.
        inboxes.updateRules(
                shop.owner,
                shop.inbox,
                new Inboxes.Rules(
                        false,
                        Set.of(),
                        Set.of(),
                        true,
                        null,
                        Map.of(
                                today.plus(1),
                                List.of(new BusinessHours.Range(
                                        java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)))),
                        List.of(),
                        Map.of("en", "We are back tomorrow at nine.")));
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox)).isFalse();
        assertThat(inboxes.awayText(shop.owner.accountId(), shop.inbox))
                .containsEntry("en", "We are back tomorrow at nine.");

        inboxes.updateRules(
                shop.owner,
                shop.inbox,
                new Inboxes.Rules(
                        false,
                        Set.of(),
                        Set.of(),
                        true,
                        null,
                        Map.of(
                                today,
                                List.of(new BusinessHours.Range(
                                        java.time.LocalTime.MIN, java.time.LocalTime.of(23, 59, 59)))),
                        List.of(now.toLocalDate()),
                        rules.awayText()));
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox))
                .as("today is a holiday")
                .isFalse();
    }

    @Test
    void anAgentOutsideARestrictedInboxCannotSeeOpenOrActOnItsConversations() throws Exception {
        SignedInAgent ali = shop.agent("Ali");
        SignedInAgent bea = shop.agent("Bea");
        TeamGroup returns = teams.create(shop.owner, "Returns", Set.of(ali.agentId()));
        shop.rules(true, Set.of(), Set.of(returns.id()), false, null);
        ConversationSummary c = shop.arrive("v1");

        assertThat(conversations.visible(ali, c.id())).isPresent();
        assertThat(conversations.visible(bea, c.id())).isEmpty();
        assertThat(views.list(bea, allOpen()).rows()).isEmpty();
        assertThat(views.counts(bea, ConversationStatus.OPEN, null).all()).isZero();
        assertThat(views.list(ali, allOpen()).rows()).hasSize(1);
        assertThatThrownBy(() -> conversations.claim(bea, c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversations.postFromAgent(bea, c.id(), "x", "hi"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversations.addNote(bea, c.id(), "x", "hi")).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/console/conversations/" + c.id().value()).with(as(bea)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/conversations/" + c.id().value()).with(as(ali)))
                .andExpect(status().isOk());
        assertThatThrownBy(() -> conversations.assign(ali, c.id(), bea.agentId(), null, null))
                .isInstanceOf(ConversationProblem.class)
                .hasMessage("cannot_serve");

        Access.Scope beaScope = applicationContext.getBean(Access.class).scope(bea);
        var notice = new org.sohbet.shared.realtime.LiveEvent("conversation", 0, "visitor", "{}", AgentAudience.of(c));
        assertThat(AgentAudience.admits(beaScope, notice))
                .as("socket notices are filtered too")
                .isFalse();
        assertThat(AgentAudience.admits(applicationContext.getBean(Access.class).scope(ali), notice))
                .isTrue();
    }

    @Test
    void aTransferToATeamWithANoteWaitsForThatTeamAndIsRecordedInTheThread() {
        SignedInAgent ali = shop.online("Ali", 5);
        SignedInAgent bea = shop.agent("Bea");
        TeamGroup billing = teams.create(shop.owner, "Billing", Set.of(bea.agentId()));
        ConversationSummary c = shop.arrive("v1");
        routing.drain(shop.owner.accountId());
        assertThat(shop.now(c).assigneeId()).isEqualTo(ali.agentId());

        conversations.assign(ali, c.id(), null, billing.id(), "Refund question, @Bea please");
        routing.drain(shop.owner.accountId());
        assertThat(shop.now(c).assigneeId()).as("Ali is not in Billing").isNull();
        assertThat(shop.now(c).teamId()).isEqualTo(billing.id());
        assertThat(conversations.visible(ali, c.id()))
                .as("outside the team now")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from mention where agent_id = :bea")
                        .param("bea", bea.agentId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        availability.choose(bea, "online");
        routing.drain(shop.owner.accountId());
        assertThat(shop.now(c).assigneeId()).isEqualTo(bea.agentId());
        assertThat(conversations.messagesAfter(shop.owner.accountId(), c.id(), 0))
                .extracting(m -> m.kind() + ":" + m.activity() + ":" + m.subjectName())
                .containsExactly(
                        "text:null:null",
                        "activity:assigned:Ali",
                        "activity:transferred:Billing",
                        "note:null:null",
                        "activity:assigned:Bea");
    }

    @Test
    void privateNotesNeverReachTheContactLiveOrInTheCatchUp() throws Exception {
        SignedInAgent ali = shop.online("Ali", 5);
        ConversationSummary c = shop.arrive("v1");
        conversations.addNote(ali, c.id(), "n1", "Customer seems upset, careful");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ConversationFeed feed = applicationContext
                .getBean(ConversationFeeds.class)
                .openForContact(shop.owner.accountId(), c.id(), 0, seen::add, event -> event.stored())) {
            conversations.addNote(ali, c.id(), "n2", "second secret note");
            conversations.postFromAgent(ali, c.id(), "r1", "How can I help?");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.stream().noneMatch(f -> f.contains("How can I help?")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(seen).anyMatch(f -> f.contains("hello from v1")).anyMatch(f -> f.contains("How can I help?"));
        assertThat(seen).noneMatch(f -> f.contains("secret") || f.contains("upset"));
        assertThat(conversations.messagesAfter(shop.owner.accountId(), c.id(), 0))
                .as("agents see them")
                .anyMatch(MessageView::isNote);
    }

    @Test
    void aSnoozedConversationWakesAtItsTimeOrAtTheContactsNextMessage() {
        SignedInAgent ali = shop.online("Ali", 5);
        ConversationSummary c = shop.arrive("v1");
        routing.drain(shop.owner.accountId());
        conversations.snooze(ali, c.id(), clock.instant().plus(Duration.ofHours(1)));
        assertThat(shop.now(c).status()).isEqualTo(ConversationStatus.SNOOZED);
        routing.wakeSnoozed();
        assertThat(shop.now(c).status()).isEqualTo(ConversationStatus.SNOOZED);
        clock.advance(Duration.ofMinutes(61));
        routing.wakeSnoozed();
        assertThat(shop.now(c).status()).isEqualTo(ConversationStatus.OPEN);

        conversations.snooze(ali, c.id(), clock.instant().plus(Duration.ofDays(1)));
        var contact = shop.now(c).contactId();
        conversations.postFromContact(shop.owner.accountId(), shop.inbox, contact, "again", "still there?");
        assertThat(shop.now(c).status()).isEqualTo(ConversationStatus.OPEN);
        assertThatThrownBy(
                        () -> conversations.snooze(ali, c.id(), clock.instant().minusSeconds(5)))
                .isInstanceOf(ConversationProblem.class);
    }

    @Test
    void eachCycleRecordsWaitResponseResolutionCountsMissedAndRating() {
        SignedInAgent ali = shop.online("Ali", 5);
        ConversationSummary c = shop.arrive("v1");
        routing.drain(shop.owner.accountId());
        clock.advance(Duration.ofSeconds(40));
        conversations.postFromAgent(ali, c.id(), "r1", "Hi!");
        conversations.postFromContact(
                shop.owner.accountId(), shop.inbox, shop.now(c).contactId(), "v2", "thanks");
        conversations.addNote(ali, c.id(), "n1", "notes do not count");
        clock.advance(Duration.ofMinutes(5));
        conversations.resolve(ali, c.id());
        conversations.rate(shop.owner.accountId(), shop.inbox, shop.now(c).contactId(), 5, "great");

        var figures = conversations.figures(ali, c.id()).orElseThrow();
        assertThat(figures.firstResponseSeconds()).isBetween(40L, 42L);
        assertThat(figures.firstResponseBusinessSeconds())
                .as("always open: the same")
                .isEqualTo(figures.firstResponseSeconds());
        assertThat(figures.resolutionSeconds()).isBetween(340L, 343L);
        assertThat(figures.agentMessages()).isEqualTo(1);
        assertThat(figures.visitorMessages()).isEqualTo(2);
        assertThat(figures.missed()).isFalse();
        assertThat(figures.rating()).isEqualTo(5);

        ConversationSummary unanswered = shop.arrive("v9");
        conversations.contactLeft(shop.owner.accountId(), unanswered.id());
        assertThat(conversations
                        .figures(shop.owner, unanswered.id())
                        .orElseThrow()
                        .missed())
                .isTrue();
        conversations.contactLeft(shop.owner.accountId(), c.id());
        assertThat(conversations.figures(ali, c.id()).orElseThrow().missed())
                .as("it was answered")
                .isFalse();
    }

    @Test
    void listsPageByCursorAndCountTheViews() {
        SignedInAgent ali = shop.agent("Ali");
        List<ConversationSummary> all = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            all.add(shop.arrive("v" + i));
        }
        conversations.claim(ali, all.get(3).id());
        ConversationViews.Page first = views.list(shop.owner, allOpen());
        assertThat(first.rows()).hasSize(ConversationViews.PAGE);
        assertThat(first.next()).isNotNull();
        ConversationViews.Page second = views.list(
                shop.owner,
                new ConversationViews.Query(
                        ConversationViews.View.ALL, null, ConversationStatus.OPEN, null, null, first.next()));
        assertThat(second.rows()).hasSize(5);
        assertThat(second.next()).isNull();
        List<ConversationId> seen = new ArrayList<>();
        first.rows().forEach(r -> seen.add(r.id()));
        second.rows().forEach(r -> seen.add(r.id()));
        assertThat(seen).doesNotHaveDuplicates().hasSize(55);

        ConversationViews.Page queue = views.list(
                shop.owner,
                new ConversationViews.Query(
                        ConversationViews.View.UNASSIGNED, null, ConversationStatus.OPEN, null, null, null));
        assertThat(queue.rows().getFirst().id())
                .as("the queue lists the longest waiting first")
                .isEqualTo(all.get(0).id());
        ConversationViews.Counts counts = views.counts(ali, ConversationStatus.OPEN, null);
        assertThat(counts.all()).isEqualTo(55);
        assertThat(counts.mine()).isEqualTo(1);
        assertThat(counts.unassigned()).isEqualTo(54);
        assertThat(views.list(
                                ali,
                                new ConversationViews.Query(
                                        ConversationViews.View.MINE, null, ConversationStatus.OPEN, null, null, null))
                        .rows())
                .extracting(ConversationSummary::id)
                .containsExactly(all.get(3).id());
    }

    @Test
    void anotherAccountsIdsAnswerNotFound() throws Exception {
        RoutingFixture other = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@other.test", false);
        ConversationSummary foreign = other.arrive("theirs");
        assertThat(conversations.visible(shop.owner, foreign.id())).isEmpty();
        assertThatThrownBy(() -> conversations.claim(shop.owner, foreign.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversations.assign(shop.owner, foreign.id(), shop.owner.agentId(), null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inboxes.rules(shop.owner.accountId(), other.inbox))
                .isInstanceOf(NotFoundException.class);
        assertThat(views.list(shop.owner, allOpen()).rows()).isEmpty();
        mvc.perform(get("/console/conversations/" + foreign.id().value()).with(as(shop.owner)))
                .andExpect(status().isNotFound());
        ConversationSummary mine = shop.arrive("mine");
        TeamGroup foreignTeam = teams.create(other.owner, "Theirs", Set.of());
        assertThatThrownBy(() -> conversations.assign(shop.owner, mine.id(), null, foreignTeam.id(), null))
                .isInstanceOf(NotFoundException.class);
        shop.rules(true, Set.of(other.owner.agentId()), Set.of(foreignTeam.id()), true, null);
        Inboxes.Rules stored = inboxes.rules(shop.owner.accountId(), shop.inbox);
        assertThat(stored.agents())
                .as("another account's agent never serves this inbox")
                .isEmpty();
        assertThat(stored.teams()).isEmpty();
    }

    private static ConversationViews.Query allOpen() {
        return new ConversationViews.Query(ConversationViews.View.ALL, null, ConversationStatus.OPEN, null, null, null);
    }
}
