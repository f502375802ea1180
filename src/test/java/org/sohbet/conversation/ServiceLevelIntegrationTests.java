package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sohbet.conversation.RoutingFixture.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceLevelIntegrationTests extends PostgresIntegrationTest {

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
    ServiceLevels serviceLevels;

    @Autowired
    ConversationViews views;

    RoutingFixture shop;

    @BeforeEach
    void shop() {
        shop = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@shop.test", true);
        // Nobody is online, so conversations stay in the queue and routing never touches them.
        shop.rules(false, java.util.Set.of(), java.util.Set.of(), false, null);
    }

    void targets(ServiceTarget firstResponse, ServiceTarget resolution) {
        serviceLevels.update(shop.owner, shop.inbox, new ServiceLevels.Targets(firstResponse, resolution));
    }

    /** Today (UTC, the fixture account's timezone) is a holiday; every other day is open all day. */
    LocalDate todayIsAHoliday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Inboxes.Rules current = inboxes.rules(shop.owner.accountId(), shop.inbox);
        inboxes.updateRules(
                shop.owner,
                shop.inbox,
                new Inboxes.Rules(
                        false,
                        current.agents(),
                        current.teams(),
                        false,
                        null,
                        Map.of(),
                        List.of(today, today.minusDays(1)),
                        Map.of()));
        return today;
    }

    void write(ConversationSummary c, String text) {
        conversations.postFromContact(
                shop.owner.accountId(),
                shop.inbox,
                c.contactId(),
                UUID.randomUUID().toString(),
                text);
    }

    @Test
    void dueTimesAreComputedInBusinessHoursWhenTheConversationOpensAndClearedWhenMet() {
        LocalDate today = todayIsAHoliday();
        targets(ServiceTarget.businessMinutes(90), ServiceTarget.sameBusinessDay());
        Instant tomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        ConversationSummary opened = shop.arrive("v1");
        assertThat(opened.firstResponseDueAt())
                .as("nothing counts on the holiday: 90 minutes from tomorrow's start")
                .isEqualTo(tomorrow.plus(Duration.ofMinutes(90)));
        assertThat(opened.resolutionDueAt())
                .as("the close of the next business day")
                .isEqualTo(tomorrow.plus(Duration.ofDays(1)));

        write(opened, "anyone there?");
        assertThat(shop.now(opened).firstResponseDueAt())
                .as("a second message does not move the clock")
                .isEqualTo(opened.firstResponseDueAt());

        conversations.postFromAgent(shop.owner, opened.id(), null, "Hello, how can I help?");
        ConversationSummary answered = shop.now(opened);
        assertThat(answered.firstResponseDueAt()).as("met by the reply").isNull();
        assertThat(answered.resolutionDueAt()).isEqualTo(opened.resolutionDueAt());

        write(answered, "thanks, one more question");
        assertThat(shop.now(opened).firstResponseDueAt())
                .as("an ongoing open conversation gets no new first-response clock")
                .isNull();

        conversations.resolve(shop.owner, opened.id());
        ConversationSummary resolved = shop.now(opened);
        assertThat(resolved.firstResponseDueAt()).isNull();
        assertThat(resolved.resolutionDueAt()).as("met by the resolution").isNull();

        clock.advance(Duration.ofDays(3));
        write(resolved, "it broke again");
        ConversationSummary reopened = shop.now(opened);
        Instant now = clock.instant();
        assertThat(reopened.firstResponseDueAt())
                .as("the new cycle counts from the new message, on an open day")
                .isBetween(now.plus(Duration.ofMinutes(89)), now.plus(Duration.ofMinutes(91)));
        assertThat(reopened.resolutionDueAt())
                .isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
    }

    @Test
    void aCustomerWritingToAPendingConversationIsOwedAReplyAgain() {
        targets(ServiceTarget.businessMinutes(30), null);
        ConversationSummary c = shop.arrive("v1");
        assertThat(c.resolutionDueAt()).as("no resolution target").isNull();
        conversations.postFromAgent(shop.owner, c.id(), null, "Could you send the order number?");
        conversations.markPending(shop.owner, c.id());
        assertThat(shop.now(c).firstResponseDueAt()).isNull();

        clock.advance(Duration.ofHours(2));
        write(c, "It is 1234");
        Instant now = clock.instant();
        assertThat(shop.now(c).firstResponseDueAt())
                .isBetween(now.plus(Duration.ofMinutes(29)), now.plus(Duration.ofMinutes(31)));
    }

    @Test
    void anAgentReopeningStartsOnlyTheResolutionClockAndTargetsChangeOnlyNewClocks() {
        ConversationSummary c = shop.arrive("v1");
        assertThat(c.firstResponseDueAt()).as("no targets yet").isNull();
        assertThat(c.resolutionDueAt()).isNull();
        conversations.resolve(shop.owner, c.id());

        targets(ServiceTarget.businessMinutes(30), ServiceTarget.businessMinutes(8 * 60));
        assertThat(shop.now(c).resolutionDueAt()).isNull();
        conversations.reopen(shop.owner, c.id());
        ConversationSummary reopened = shop.now(c);
        Instant now = clock.instant();
        assertThat(reopened.firstResponseDueAt())
                .as("nobody waits for an answer")
                .isNull();
        assertThat(reopened.resolutionDueAt())
                .isBetween(now.plus(Duration.ofHours(8).minusMinutes(1)), now.plus(Duration.ofHours(8)));
    }

    @Test
    void theAssistantResolvingClearsBothDueTimes() {
        targets(ServiceTarget.businessMinutes(30), ServiceTarget.businessMinutes(60));
        ConversationSummary c = shop.arrive("v1");
        assertThat(c.serviceDueAt()).isEqualTo(c.firstResponseDueAt());
        applicationContext.getBean(AssistantTurns.class).resolve(shop.owner.accountId(), c.id());
        assertThat(shop.now(c).firstResponseDueAt()).isNull();
        assertThat(shop.now(c).resolutionDueAt()).isNull();
    }

    @Test
    void mostUrgentFirstOrdersByTheEarlierDueTimeThenThoseWithoutAndPagesWithoutGapsOrRepeats() {
        targets(ServiceTarget.businessMinutes(240), null);
        ConversationSummary in4h = shop.arrive("in-4h");
        targets(ServiceTarget.businessMinutes(30), null);
        ConversationSummary in30m = shop.arrive("in-30m");
        targets(null, null);
        ConversationSummary none = shop.arrive("none");
        targets(null, ServiceTarget.businessMinutes(120));
        ConversationSummary resolutionIn2h = shop.arrive("resolution-in-2h");

        assertThat(ids(list(true, null).rows())).containsExactly(in30m.id(), resolutionIn2h.id(), in4h.id(), none.id());
        assertThat(ids(list(false, null).rows()))
                .as("the usual order is unchanged: latest activity first")
                .containsExactly(resolutionIn2h.id(), none.id(), in30m.id(), in4h.id());

        // Enough for two pages, with the page boundary inside the rows that have nothing due.
        targets(ServiceTarget.businessMinutes(60), null);
        for (int i = 0; i < 20; i++) {
            shop.arrive("due-" + i);
        }
        targets(null, null);
        for (int i = 0; i < ConversationViews.PAGE - 20; i++) {
            shop.arrive("none-" + i);
        }
        ConversationViews.Page first = list(true, null);
        assertThat(first.rows()).hasSize(ConversationViews.PAGE);
        assertThat(first.next()).isNotNull();
        ConversationViews.Page second = list(true, first.next());
        assertThat(second.next()).isNull();
        List<ConversationSummary> all = new ArrayList<>(first.rows());
        all.addAll(second.rows());
        assertThat(all).hasSize(ConversationViews.PAGE + 4);
        assertThat(new HashSet<>(ids(all))).hasSize(all.size());
        List<Instant> keys = all.stream()
                .map(c -> c.serviceDueAt() == null ? ConversationViews.NOTHING_DUE : c.serviceDueAt())
                .toList();
        assertThat(keys).isSorted();
        assertThat(all.stream().filter(c -> c.serviceDueAt() != null)).hasSize(23);
    }

    @Test
    void anotherAccountsConversationsAndInboxesStayApart() {
        targets(ServiceTarget.businessMinutes(60), null);
        ConversationSummary ours = shop.arrive("ours");
        RoutingFixture other = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@other.test", false);
        serviceLevels.update(
                other.owner, other.inbox, new ServiceLevels.Targets(ServiceTarget.businessMinutes(5), null));
        ConversationSummary theirs = other.arrive("theirs");
        assertThat(theirs.firstResponseDueAt()).isNotNull();

        assertThat(ids(list(true, null).rows())).containsExactly(ours.id());
        assertThatThrownBy(() -> serviceLevels.targets(shop.owner.accountId(), other.inbox))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> serviceLevels.update(
                        shop.owner, other.inbox, new ServiceLevels.Targets(ServiceTarget.sameBusinessDay(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(serviceLevels.targets(other.owner.accountId(), other.inbox).firstResponse())
                .isEqualTo(ServiceTarget.businessMinutes(5));
    }

    @Test
    void onlyOwnersAndAdminsSetTargets() {
        SignedInAgent agent = shop.agent("Sara");
        assertThatThrownBy(() -> serviceLevels.update(
                        agent, shop.inbox, new ServiceLevels.Targets(ServiceTarget.sameBusinessDay(), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox)).isEqualTo(ServiceLevels.Targets.NONE);
    }

    @Test
    void theListShowsDueAndOverdueWithTheTimeLeftAndTheUrgentSortKeepsItsFilterInLinks() throws Exception {
        targets(ServiceTarget.businessMinutes(150), ServiceTarget.businessMinutes(24 * 60));
        ConversationSummary c = shop.arrive("Leyla");
        targets(null, null);
        shop.arrive("Nobody waits");

        Document page = inbox("view=all&status=open&sort=urgent");
        Element due = row(page, c).selectFirst("time.service-due");
        assertThat(due).isNotNull();
        assertThat(due.text()).isEqualTo("Reply due in 2 h");
        assertThat(due.hasClass("overdue")).isFalse();
        assertThat(Instant.parse(due.attr("datetime")).truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(c.firstResponseDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(page.select("li[data-id]").eachAttr("data-id"))
                .first()
                .as("the conversation with a due time comes first")
                .isEqualTo(String.valueOf(c.id().value()));
        assertThat(page.select("li[data-id] time.service-due")).hasSize(1);
        assertThat(page.selectFirst("select#filter-sort option[selected]").attr("value"))
                .isEqualTo("urgent");
        assertThat(page.select("nav.views a").eachAttr("href")).allMatch(href -> href.contains("sort=urgent"));

        clock.advance(Duration.ofHours(3));
        Element overdue = row(inbox("view=all&status=open&sort=urgent"), c).selectFirst("time.service-due");
        assertThat(overdue.hasClass("overdue")).isTrue();
        assertThat(overdue.text()).matches("Reply overdue by 3[01] min");

        conversations.postFromAgent(shop.owner, c.id(), null, "On it");
        Element resolution = row(inbox("view=all&status=open&sort=urgent"), c).selectFirst("time.service-due");
        assertThat(resolution.text()).as("the resolution target remains").isEqualTo("Resolution due in 21 h");

        conversations.resolve(shop.owner, c.id());
        Document resolvedList = inbox("view=all&status=resolved&sort=urgent");
        assertThat(resolvedList.select("time.service-due")).isEmpty();
        assertThat(resolvedList.select("select#filter-sort option[value=urgent]"))
                .as("nothing is due once resolved")
                .isEmpty();
    }

    Document inbox(String query) throws Exception {
        String html = mvc.perform(get("/console/inbox/list?" + query).with(as(shop.owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    static Element row(Document page, ConversationSummary c) {
        Element row = page.selectFirst("li[data-id=" + c.id().value() + "]");
        assertThat(row).as("row of conversation " + c.id().value()).isNotNull();
        return row;
    }

    ConversationViews.Page list(boolean urgent, String after) {
        return views.list(
                shop.owner,
                new ConversationViews.Query(
                        ConversationViews.View.ALL, null, ConversationStatus.OPEN, null, null, after, urgent));
    }

    static List<ConversationId> ids(List<ConversationSummary> rows) {
        return rows.stream().map(ConversationSummary::id).toList();
    }
}
