package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Typing, seen marks, rating, files, notifications and right-to-left, in real Chromium. */
class LiveChatFeaturesBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        0x0D,
        0x0A,
        0x1A,
        0x0A,
        0,
        0,
        0,
        0x0D,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        6,
        0,
        0,
        0,
        0x1F,
        0x15,
        (byte) 0xC4,
        (byte) 0x89
    };

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    Page agent;

    @BeforeEach
    void agentSignsIn() {
        SignedInAgent owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        // Someone is online, so the widget offers the live chat rather than the leave-a-message form.
        availability.choose(owner, "online");
        agent = page;
        // Records notifications instead of showing them: the test checks what the console asks the browser to show.
        agent.addInitScript("window.__notes = [];"
                + "window.Notification = function (title, options) {"
                + "  window.__notes.push(title + ' | ' + (options && options.body)); return {}; };"
                + "window.Notification.permission = 'granted';"
                + "window.Notification.requestPermission = function () { return Promise.resolve('granted'); };");
        ChatPages.signIn(agent, url("/login"), "ali@shop.test", PASSWORD);
    }

    FrameLocator openChat(Page visitor, String openLabel, String title) {
        return ChatPages.openChat(visitor, openLabel, title);
    }

    /** A visitor in another browser opens the chat on the English demo shop. */
    FrameLocator englishChatOnTheDemoShop() {
        Page visitor = otherBrowser("en");
        visitor.navigate(url("/demo"));
        return openChat(visitor, "Open chat", "Chat with us");
    }

    void say(FrameLocator chat, String text) {
        ChatPages.say(chat, text);
    }

    Locator agentLog() {
        return agent.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages"));
    }

    void open(String preview) {
        agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(preview))
                .first()
                .click();
        assertThat(agentLog()).containsText(preview);
    }

    @Test
    void aNewConversationNotifiesTheAgentWithPlainText() {
        FrameLocator chat = englishChatOnTheDemoShop();
        say(chat, "<b>Hello</b> from the shop");
        assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("<b>Hello</b> from the shop")))
                .isVisible();
        agent.waitForCondition(() -> !((List<?>) agent.evaluate("window.__notes")).isEmpty());
        assertThat((List<?>) agent.evaluate("window.__notes"))
                .first()
                .hasToString("New conversation | <b>Hello</b> from the shop");
    }

    @Test
    void typingAndSeenMarksTravelBothWays() {
        FrameLocator chat = englishChatOnTheDemoShop();
        say(chat, "Anyone there?");
        open("Anyone there?");
        assertThat(chat.getByText("Seen")).isVisible();

        chat.getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true))
                .pressSequentially("Still typ");
        assertThat(agent.getByText("The visitor is typing…")).isVisible();

        agent.getByLabel("Reply", new Page.GetByLabelOptions().setExact(true)).pressSequentially("Yes, I am");
        assertThat(chat.getByText("Agent is typing…")).isVisible();

        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(chat.getByText("Yes, I am")).isVisible();
        assertThat(agent.getByText("Seen by the visitor")).isVisible();
    }

    @Test
    void aResolvedConversationCanBeRatedAndTheAgentSeesTheRating() {
        FrameLocator chat = englishChatOnTheDemoShop();
        say(chat, "Thanks for the help");
        open("Thanks for the help");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();
        assertThat(agent.locator("#conversation-header")).containsText("Resolved");

        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Excellent"))
                .click();
        chat.getByLabel("Comment (optional)").fill("Quick and kind");
        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send rating"))
                .click();
        assertThat(chat.getByText("Thank you for your feedback!")).isVisible();
        assertThat(agentLog()).containsText("5 of 5");
        assertThat(agentLog()).containsText("Quick and kind");
    }

    @Test
    void aVisitorSendsAnImageAndTheAgentSeesIt() {
        FrameLocator chat = englishChatOnTheDemoShop();
        say(chat, "Here is a photo");
        chat.locator("#file").setInputFiles(new FilePayload("parcel \"><img src=x>.png", "image/png", PNG));
        // The list's preview moves to the file once it is stored; opening by it also waits for the upload.
        open("parcel %22><img src=x>.png");
        assertThat(agentLog()).containsText("Here is a photo");
        // Chromium sends the quote in the name as %22; the markup in it stays text.
        assertThat(agentLog().getByRole(AriaRole.IMG)).hasAttribute("alt", "parcel %22><img src=x>.png");
        assertThat(agentLog().getByRole(AriaRole.IMG)).hasCount(1);
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single())
                .isEqualTo(1);
    }

    @Autowired
    WebsiteInboxes inboxes;

    @Test
    void thePreChatFormNamesTheVisitorAndTheTypedEmailStaysUnverified() {
        WebsiteInbox inbox = inboxes.demoInbox().orElseThrow();
        inboxes.update(inbox.accountId(), inbox.id(), inbox.name(), "", true, java.util.Map.of(), java.util.Map.of());
        FrameLocator chat = englishChatOnTheDemoShop();
        chat.getByLabel("Name (optional)").fill("Leyla <b>K</b>");
        chat.getByLabel("Email (optional)").fill("leyla@shop.test");
        say(chat, "Do you ship to Izmir?");
        open("Do you ship to Izmir?");
        assertThat(agent.locator("#conversation-header h2")).hasText("Leyla <b>K</b>");
        assertThat(agent.locator("#conversation-header")).containsText("leyla@shop.test");
        assertThat(agent.locator("#conversation-header")).containsText("unverified");
    }

    @Test
    void thePersianShopGetsAPersianRightToLeftWidget() {
        Page visitor = otherBrowser("fa");
        visitor.navigate(url("/demo?lang=fa"));
        String open = (String) visitor.evaluate("fetch('/widget/config?inbox=' + document.querySelector("
                + "'script[data-inbox]').dataset.inbox + '&lang=fa').then(r => r.json()).then(c => c.open)");
        String title = (String) visitor.evaluate("fetch('/widget/config?inbox=' + document.querySelector("
                + "'script[data-inbox]').dataset.inbox + '&lang=fa').then(r => r.json()).then(c => c.title)");
        assertThat(open).isNotEqualTo("Open chat");
        FrameLocator chat = openChat(visitor, open, title);
        assertThat(chat.locator("html")).hasAttribute("dir", "rtl");
        assertThat(chat.locator("html")).hasAttribute("lang", "fa");
    }
}
