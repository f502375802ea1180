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
import org.sohbet.conversation.Inboxes;
import org.sohbet.helpcenter.HelpArticleFixture;
import org.sohbet.shared.BrowserIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** The FAQ bot as the visitor and the agent see it, in real Chromium: an answer, then the hand-off to a person. */
class FaqBotBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    @Autowired
    WebsiteInboxes websiteInboxes;

    @Autowired
    Inboxes inboxes;

    @Autowired
    FaqBots bots;

    SignedInAgent ali;

    @BeforeEach
    void shopWithAnArticleAndTheBotOn() {
        ali = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        long inbox = websiteInboxes.demoInbox().orElseThrow().id();
        // Online, so the widget offers the chat; without automatic assignment the conversation waits in the queue.
        availability.choose(ali, "online");
        Inboxes.Rules rules = inboxes.rules(ali.accountId(), inbox);
        inboxes.updateRules(
                ali,
                inbox,
                new Inboxes.Rules(
                        rules.restricted(),
                        rules.agents(),
                        rules.teams(),
                        false,
                        rules.noAnswerMinutes(),
                        rules.week(),
                        rules.holidays(),
                        rules.awayText()));
        new HelpArticleFixture(applicationContext)
                .article(
                        ali,
                        Language.ENGLISH,
                        "Returning shoes",
                        "You can return shoes within 30 days for a full refund. Keep the receipt.",
                        true);
        bots.configure(ali.accountId(), inbox, true, "60");
    }

    FrameLocator visitorChat() {
        Page visitor = otherBrowser("en");
        visitor.navigate(url("/demo"));
        return ChatPages.openChat(visitor, "Open chat", "Chat with us");
    }

    static Locator button(FrameLocator chat, String name) {
        return chat.getByRole(
                AriaRole.BUTTON,
                new FrameLocator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theBotAnswersAndTalkToAPersonLeavesTheConversationInTheQueueWithTheExchangeForTheAgent() {
        ChatPages.signIn(page, url("/login"), "ali@shop.test", PASSWORD);
        page.navigate(url("/console/inbox?view=unassigned"));

        FrameLocator chat = visitorChat();
        ChatPages.say(chat, "How do I return shoes for a refund?");

        Locator log = chat.getByRole(AriaRole.LOG);
        Locator answer = log.locator("li.assistant").first();
        assertThat(answer).containsText("Assistant (FAQ bot)");
        assertThat(answer).containsText("return shoes within 30 days");
        Locator articleLink =
                answer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Returning shoes"));
        assertThat(articleLink).isVisible();
        assertThat(articleLink)
                .hasAttribute("href", java.util.regex.Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/help/"));
        assertThat(log).containsText("Did this answer your question?");
        Locator verdict = chat.getByRole(
                AriaRole.GROUP, new FrameLocator.GetByRoleOptions().setName("Did this answer your question?"));
        assertThat(verdict).isVisible();
        assertThat(button(chat, "Yes")).isVisible();
        assertThat(button(chat, "No")).isVisible();

        // By keyboard: the control is a real button.
        button(chat, "Talk to a person").focus();
        button(chat, "Talk to a person").press("Enter");
        assertThat(log).containsText("A person will answer you here soon.");
        assertThat(verdict).isHidden();

        // The agent's queue follows over the socket: the conversation waits there, and its thread has the exchange.
        Locator row = page.locator("#conversation-list li[data-id]");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Waiting");
        row.getByRole(AriaRole.LINK).first().click();
        Locator thread = page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages"));
        assertThat(thread).containsText("How do I return shoes for a refund?");
        assertThat(thread).containsText("Assistant (FAQ bot)");
        assertThat(thread).containsText("return shoes within 30 days");
        assertThat(thread).containsText("After the assistant answered, the visitor asked for a person.");
        assertThat(jdbc.sql("select assignee_id is null and queued_at is not null from conversation")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void yesResolvesTheChatAndTheControlsGo() {
        FrameLocator chat = visitorChat();
        ChatPages.say(chat, "How do I return shoes for a refund?");
        button(chat, "Yes").click();
        assertThat(button(chat, "Yes")).isHidden();
        assertThat(chat.getByRole(AriaRole.LOG)).containsText("The conversation was marked as resolved.");
        assertThat(jdbc.sql("select status from conversation")
                        .query(String.class)
                        .single())
                .isEqualTo("resolved");
        assertThat(jdbc.sql("select outcome from help_bot_answer")
                        .query(String.class)
                        .single())
                .isEqualTo("accepted");
    }
}
