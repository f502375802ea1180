package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the conversation module keeps for a second (ADR 42): a kept answer never crosses to another account, a change
 * made here shows at once, and the fewer round trips of an arrival still store everything a first message brings.
 */
class KeptAnswersIntegrationTests extends PostgresIntegrationTest {

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

    RoutingFixture shop;
    RoutingFixture other;

    @BeforeEach
    void shops() {
        shop = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@shop.test", true);
        other = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@other.test", false);
    }

    @Test
    void aKeptAnswerOfOneAccountIsNeverGivenToAnother() {
        // Nothing changed yet in either account: a kept answer would be served as it is.
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox).firstResponse())
                .isNull();
        assertThatThrownBy(() -> serviceLevels.targets(other.owner.accountId(), shop.inbox))
                .isInstanceOf(NotFoundException.class);

        serviceLevels.update(
                shop.owner,
                shop.inbox,
                new ServiceLevels.Targets(ServiceTarget.businessMinutes(30), ServiceTarget.sameBusinessDay()));
        // Read once, so the answer is kept; then the other account names this inbox's id.
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox).firstResponse())
                .isEqualTo(ServiceTarget.businessMinutes(30));
        assertThatThrownBy(() -> serviceLevels.targets(other.owner.accountId(), shop.inbox))
                .isInstanceOf(NotFoundException.class);
        // And the other way round: the other account's miss is not kept for this one.
        assertThatThrownBy(() -> serviceLevels.targets(other.owner.accountId(), other.inbox + 1000))
                .isInstanceOf(NotFoundException.class);
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox).resolution())
                .isEqualTo(ServiceTarget.sameBusinessDay());
        assertThat(inboxes.openNow(other.owner.accountId(), shop.inbox))
                .as("another account's inbox is never open for this account")
                .isFalse();
    }

    @Test
    void aChangeMadeHereShowsAtOnceThoughTheOldAnswerWasKept() {
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox).firstResponse())
                .isNull();
        serviceLevels.update(
                shop.owner, shop.inbox, new ServiceLevels.Targets(ServiceTarget.businessMinutes(15), null));
        assertThat(serviceLevels.targets(shop.owner.accountId(), shop.inbox).firstResponse())
                .isEqualTo(ServiceTarget.businessMinutes(15));

        // Inbox rules: kept for the welcome of every visitor, and changed by an admin.
        SignedInAgent agent = shop.online("Ayla", 2);
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox)).isTrue();
        shop.rules(true, Set.of(), Set.of(), true, null);
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox))
                .as("the inbox is now restricted to nobody, and the kept rules were forgotten")
                .isFalse();
        shop.rules(false, Set.of(agent.agentId()), Set.of(), true, null);
        assertThat(inboxes.openNow(shop.owner.accountId(), shop.inbox)).isTrue();
    }

    @Test
    void aFirstMessageStoresItsCycleQueueDueTimesAndLanguageAndIsDecidedAtOnce() {
        serviceLevels.update(
                shop.owner, shop.inbox, new ServiceLevels.Targets(ServiceTarget.businessMinutes(10), null));
        SignedInAgent agent = shop.online("Ayla", 2);
        var contact = contacts.createAnonymous(shop.owner.accountId(), "Visitor", null);

        Conversations.Started started = conversations.postFirstFromContact(
                shop.owner.accountId(),
                shop.inbox,
                contact.id(),
                UUID.randomUUID().toString(),
                "where is my order?",
                null,
                Language.PERSIAN);

        ConversationSummary stored = shop.now(started.conversation());
        assertThat(stored.assigneeId()).isEqualTo(agent.agentId());
        assertThat(started.conversation().assigneeId())
                .as("the answer is the conversation as routing left it, in the same transaction")
                .isEqualTo(agent.agentId());
        assertThat(stored.cycleId()).isNotNull();
        assertThat(stored.firstResponseDueAt()).isNotNull();
        assertThat(stored.lastSeq()).as("the message and the assignment").isEqualTo(2);
        assertThat(conversations.language(shop.owner.accountId(), stored.id())).contains(Language.PERSIAN);
        assertThat(conversations.messagesAfter(shop.owner.accountId(), stored.id(), 0))
                .extracting(MessageView::activity)
                .containsExactly(null, "assigned");

        // A second first message of the same contact (another tab) finds the conversation and adds to it.
        Conversations.Started again = conversations.postFirstFromContact(
                shop.owner.accountId(),
                shop.inbox,
                contact.id(),
                UUID.randomUUID().toString(),
                "hello?",
                null,
                Language.TURKISH);
        assertThat(again.conversation().id()).isEqualTo(stored.id());
        assertThat(again.conversation().lastSeq()).isEqualTo(3);
        assertThat(conversations.language(shop.owner.accountId(), stored.id())).contains(Language.TURKISH);
    }
}
