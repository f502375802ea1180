package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One agent, two visitors, and their conversations side by side in one console page (ADR 0038). */
class SplitViewBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    @Test
    void anAgentRepliesInTwoPanesAndEachVisitorGetsOnlyTheirOwnReply() {
        SignedInAgent owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        availability.choose(owner, "online");
        Page agent = page;
        ChatPages.signIn(agent, url("/login"), "ali@shop.test", PASSWORD);

        Page first = otherBrowser("en");
        first.navigate(url("/demo"));
        FrameLocator firstChat = ChatPages.openChat(first, "Open chat", "Chat with us");
        ChatPages.say(firstChat, "First visitor asks");
        Page second = otherBrowser("en");
        second.navigate(url("/demo"));
        FrameLocator secondChat = ChatPages.openChat(second, "Open chat", "Chat with us");
        ChatPages.say(secondChat, "Second visitor asks");

        agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First visitor asks"))
                .first()
                .click();
        Locator mainLog = agent.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages"));
        assertThat(mainLog).containsText("First visitor asks");

        Locator secondLine = agent.locator("#conversation-list li")
                .filter(new Locator.FilterOptions().setHasText("Second visitor asks"));
        secondLine.locator("button.open-beside").click();
        Locator pane = agent.locator("section.pane-box");
        assertThat(pane).hasCount(1);
        FrameLocator paneFrame = agent.frameLocator("section.pane-box iframe");
        Locator paneLog = paneFrame.getByRole(AriaRole.LOG, new FrameLocator.GetByRoleOptions().setName("Messages"));
        assertThat(paneLog).containsText("Second visitor asks");

        agent.locator("#reply-text").fill("Answer for the first");
        agent.locator("#reply button[type=submit]").click();
        paneFrame.locator("#reply-text").fill("Answer for the second");
        paneFrame.locator("#reply button[type=submit]").click();

        assertThat(firstChat.getByRole(AriaRole.LOG)).containsText("Answer for the first");
        assertThat(secondChat.getByRole(AriaRole.LOG)).containsText("Answer for the second");
        assertThat(firstChat.getByRole(AriaRole.LOG)).not().containsText("Answer for the second");
        assertThat(secondChat.getByRole(AriaRole.LOG)).not().containsText("Answer for the first");

        assertThat(pane.locator(".pane-unread")).isHidden();
        // The agent is back in the first pane; a message in the second one flags it.
        agent.locator("#reply-text").click();
        ChatPages.say(secondChat, "One more thing");
        assertThat(paneLog).containsText("One more thing");
        assertThat(pane.locator(".pane-unread")).isVisible();
        assertThat(pane.locator(".pane-unread")).hasText("New message");

        // Alt+P moves focus to it and clears the flag.
        agent.keyboard().press("Alt+KeyP");
        assertThat(pane.locator(".pane-unread")).isHidden();
        assertThat(paneFrame.locator("#reply-text")).isFocused();
    }
}
