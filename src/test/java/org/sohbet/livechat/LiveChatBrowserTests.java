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
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The newcomer's round trip in real Chromium: a visitor on the demo shop and an agent in the console, in two browsers.
 */
class LiveChatBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    @Autowired
    VisitorSocketHandler visitorSockets;

    Page agent;
    Page visitor;

    @BeforeEach
    void twoBrowsers() {
        SignedInAgent owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        // Someone is online, so the widget offers the live chat rather than the leave-a-message form.
        availability.choose(owner, "online");
        agent = page;
        ChatPages.signIn(agent, url("/login"), "ali@shop.test", PASSWORD);
        visitor = otherBrowser("en");
        visitor.navigate(url("/demo"));
    }

    FrameLocator openChat() {
        return ChatPages.openChat(visitor, "Open chat", "Chat with us");
    }

    void say(FrameLocator chat, String text) {
        ChatPages.say(chat, text);
    }

    void reply(String text) {
        agent.getByLabel("Reply", new Page.GetByLabelOptions().setExact(true)).fill(text);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
    }

    Locator chatLog(FrameLocator chat) {
        return chat.getByRole(AriaRole.LOG);
    }

    Locator agentLog() {
        return agent.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages"));
    }

    void openConversationInConsole(String preview) {
        agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(preview))
                .first()
                .click();
        assertThat(agentLog()).isVisible();
    }

    @Test
    void aVisitorAndAnAgentChatBothWaysWithoutReloading() {
        FrameLocator chat = openChat();
        say(chat, "Is the copper pot <b>in stock</b>?");
        assertThat(chatLog(chat)).containsText("Is the copper pot <b>in stock</b>?");

        // The console's list updates by itself.
        openConversationInConsole("Is the copper pot <b>in stock</b>?");
        assertThat(agentLog()).containsText("Is the copper pot <b>in stock</b>?");
        assertThat(agentLog().locator("b")).hasCount(0);

        reply("Yes, two left. See https://example.com/pot");
        assertThat(chatLog(chat)).containsText("Yes, two left.");
        assertThat(chat.getByRole(
                        AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("https://example.com/pot")))
                .isVisible();

        say(chat, "Great, thanks!");
        assertThat(agentLog()).containsText("Great, thanks!");
    }

    @Test
    void reloadingTheShopPageShowsTheHistoryOnceEach() {
        FrameLocator chat = openChat();
        say(chat, "First question");
        assertThat(chatLog(chat)).containsText("First question");
        openConversationInConsole("First question");
        reply("First answer");
        assertThat(chatLog(chat)).containsText("First answer");

        visitor.reload();
        chat = openChat();
        assertThat(chatLog(chat)).containsText("First answer");
        assertThat(chatLog(chat).getByText("First question", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(1);
        assertThat(chatLog(chat).getByText("First answer", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(1);
    }

    @Test
    void aForcedDisconnectLosesNothingAndDuplicatesNothing() {
        FrameLocator chat = openChat();
        say(chat, "Before the drop");
        openConversationInConsole("Before the drop");
        assertThat(agentLog()).containsText("Before the drop");

        visitorSockets.disconnectAll();
        // While the widget reconnects, the agent answers and the visitor keeps typing.
        reply("Answer during the gap");
        say(chat, "Sent during the gap");

        assertThat(chatLog(chat)).containsText("Answer during the gap");
        assertThat(agentLog()).containsText("Sent during the gap");
        for (String text : new String[] {"Before the drop", "Answer during the gap", "Sent during the gap"}) {
            assertThat(chatLog(chat).getByText(text, new Locator.GetByTextOptions().setExact(true)))
                    .hasCount(1);
            assertThat(agentLog().getByText(text, new Locator.GetByTextOptions().setExact(true)))
                    .hasCount(1);
        }
        assertThat(jdbc.sql("select count(*) from message where kind = 'text'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(visitorSockets.openSockets()).isEqualTo(1);
    }
}
