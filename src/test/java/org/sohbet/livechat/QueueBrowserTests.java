package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The queue and the leave-a-message form as visitors and agents see them: two agents, two visitors, real Chromium. */
class QueueBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Availability availability;

    @Autowired
    Conversations conversations;

    @Autowired
    WebsiteInboxes websiteInboxes;

    @Autowired
    Inboxes inboxes;

    SignedInAgent ali;
    SignedInAgent bilge;

    @BeforeEach
    void twoAgents() {
        ali = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        var invitation = invitations.invite(ali, "bilge@shop.test", Role.AGENT);
        bilge = invitations.accept(invitation.token(), "Bilge Agent", PASSWORD);
    }

    Page console(Page browser, String email, String view) {
        ChatPages.signIn(browser, url("/login"), email, PASSWORD);
        browser.navigate(url("/console/inbox?" + view));
        return browser;
    }

    FrameLocator visitorChat() {
        Page visitor = otherBrowser("en");
        visitor.navigate(url("/demo"));
        return ChatPages.openChat(visitor, "Open chat", "Chat with us");
    }

    static Locator rows(Page console) {
        return console.locator("#conversation-list li[data-id]");
    }

    static Locator queueNotice(FrameLocator chat) {
        return chat.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("in line"));
    }

    /** Each agent takes one chat at a time; Ali is online and Bilge offline; both watch every conversation. */
    Page[] twoConsolesWithRoomForOneChatEach() {
        availability.setCapacity(ali, ali.agentId(), 1);
        availability.setCapacity(ali, bilge.agentId(), 1);
        availability.choose(ali, "online");
        return new Page[] {
            console(page, "ali@shop.test", "view=all"), console(otherBrowser("en"), "bilge@shop.test", "view=all")
        };
    }

    static void assertJoined(FrameLocator chat) {
        assertThat(chat.getByText("An agent joined the conversation.")).isVisible();
    }

    /** Neither console reloads: both lists follow over the agent socket. */
    static void assertRowIn(Page[] consoles, String message, String state) {
        for (Page console : consoles) {
            assertThat(rows(console).filter(new Locator.FilterOptions().setHasText(message)))
                    .containsText(state);
        }
    }

    @Test
    void aFullAgentLeavesTheNextVisitorWaitingWithItsPlaceShownUntilASecondAgentComesOnline() {
        Page[] consoles = twoConsolesWithRoomForOneChatEach();

        FrameLocator first = visitorChat();
        ChatPages.say(first, "First visitor here");
        assertJoined(first);

        FrameLocator second = visitorChat();
        ChatPages.say(second, "Second visitor here");
        // The wait estimate depends on how fast this inbox's queue moved before, so only the place is checked.
        assertThat(queueNotice(second)).containsText("You are number 1 in line.");
        assertThat(queueNotice(first)).hasCount(0);

        for (Page console : consoles) {
            assertThat(rows(console)).hasCount(2);
        }
        assertRowIn(consoles, "First visitor here", "Assigned to Ali Agent");
        assertRowIn(consoles, "Second visitor here", "Waiting");

        availability.choose(bilge, "online");

        assertJoined(second);
        assertThat(queueNotice(second)).isHidden();
        assertRowIn(consoles, "Second visitor here", "Assigned to Bilge Agent");
        assertThat(jdbc.sql("select count(distinct assignee_id) from conversation")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theQueueDrainsInArrivalOrderAndEachWaitingVisitorSeesTheirPlaceMoveUp() {
        Page[] consoles = twoConsolesWithRoomForOneChatEach();

        FrameLocator first = visitorChat();
        ChatPages.say(first, "Visitor one");
        assertJoined(first);
        FrameLocator second = visitorChat();
        ChatPages.say(second, "Visitor two");
        assertThat(queueNotice(second)).containsText("You are number 1 in line.");
        FrameLocator third = visitorChat();
        ChatPages.say(third, "Visitor three");
        assertThat(queueNotice(third)).containsText("You are number 2 in line.");
        for (Page console : consoles) {
            assertThat(rows(console)).hasCount(3);
            assertThat(rows(console).filter(new Locator.FilterOptions().setHasText("Waiting")))
                    .hasCount(2);
        }

        // Ali ends the first chat: the one who came first of the two waiting gets the free place, not the other.
        long one = jdbc.sql("select id from conversation where assignee_id = :agent")
                .param("agent", ali.agentId().value())
                .query(Long.class)
                .single();
        conversations.resolve(ali, new ConversationId(one));
        assertJoined(second);
        assertThat(queueNotice(second)).isHidden();
        assertThat(queueNotice(third)).containsText("You are number 1 in line.");
        assertRowIn(consoles, "Visitor two", "Assigned to Ali Agent");
        assertRowIn(consoles, "Visitor three", "Waiting");

        availability.choose(bilge, "online");
        assertJoined(third);
        assertThat(queueNotice(third)).isHidden();
        assertRowIn(consoles, "Visitor three", "Assigned to Bilge Agent");
    }

    @Test
    void withNobodyOnlineTheVisitorLeavesAMessageThatWaitsInTheQueueForTheAgentWhoComesOnline() {
        // Without automatic assignment the message stays in the queue until someone takes it.
        Inboxes.Rules rules = inboxes.rules(
                ali.accountId(), websiteInboxes.demoInbox().orElseThrow().id());
        inboxes.updateRules(
                ali,
                websiteInboxes.demoInbox().orElseThrow().id(),
                new Inboxes.Rules(
                        rules.restricted(),
                        rules.agents(),
                        rules.teams(),
                        false,
                        rules.noAnswerMinutes(),
                        rules.week(),
                        rules.holidays(),
                        rules.awayText()));

        FrameLocator chat = visitorChat();
        assertThat(chat.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Leave us a message")))
                .isVisible();
        assertThat(chat.getByText("We're away right now.", new FrameLocator.GetByTextOptions()))
                .isVisible();
        assertThat(chat.getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true)))
                .isHidden();
        chat.getByLabel("Your name").fill("Leyla");
        chat.getByLabel("Email", new FrameLocator.GetByLabelOptions().setExact(true))
                .fill("leyla@example.com");
        chat.getByLabel("Your message").fill("Do you ship to Sofia?");
        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send message"))
                .click();
        assertThat(chat.getByText("We have your message and will answer you by email."))
                .isVisible();
        assertThat(chat.getByRole(AriaRole.LOG)).containsText("Do you ship to Sofia?");
        assertThat(chat.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Leave us a message")))
                .isHidden();

        availability.choose(ali, "online");
        Page aliConsole = console(page, "ali@shop.test", "view=unassigned&status=pending");
        // The full page: the list keeps the view's filters when the socket refreshes it.
        aliConsole.waitForTimeout(500);
        Locator left = rows(aliConsole);
        assertThat(left).hasCount(1);
        assertThat(left).containsText("Leyla");
        assertThat(left).containsText("Do you ship to Sofia?");
        assertThat(left).containsText("Pending");
        assertThat(left).containsText("Waiting in the queue");
    }
}
