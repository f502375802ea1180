package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.context.MessageSource;

/**
 * The FAQ bot as the visitor and the agent see it, in real Chromium: an answer, then the hand-off to a person; and
 * the same for a Persian visitor, in Persian and laid out right to left.
 */
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

    @Autowired
    MessageSource messages;

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

    String persian(String key) {
        String text = messages.getMessage(key, null, Language.PERSIAN.locale());
        // A key missing from the Persian bundle falls back to English, which would let the test pass in English.
        assertThat(text).as(key).isNotEqualTo(messages.getMessage(key, null, Language.ENGLISH.locale()));
        return text;
    }

    static BoundingBox box(Locator locator) {
        BoundingBox box = locator.boundingBox();
        assertThat(box).as("%s is laid out", locator).isNotNull();
        return box;
    }

    static double right(BoundingBox box) {
        return box.x + box.width;
    }

    @Test
    void aPersianVisitorGetsTheBotsAnswerAndControlsRightToLeftAndCanAskForAPerson() {
        new HelpArticleFixture(applicationContext)
                .article(
                        ali,
                        Language.PERSIAN,
                        "پس دادن کفش",
                        "مهلت پس دادن کفش ۳۰ روز است. در این مهلت همه پول شما برگشت داده می‌شود. رسید خرید را نگه دارید.",
                        true);
        // The visitor's page is the test's own, so a failure's screenshot shows it.
        Page visitor = openPage("fa");
        visitor.navigate(url("/demo?lang=fa"));
        FrameLocator chat = ChatPages.openChat(visitor, persian("widget.launcher.open"), persian("widget.title"));
        assertThat(chat.locator("html")).hasAttribute("lang", "fa");
        assertThat(chat.locator("html")).hasAttribute("dir", "rtl");

        String question = "مهلت پس دادن کفش و برگشت پول چند روز است؟";
        chat.getByLabel(persian("widget.message.label"), new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(question);
        button(chat, persian("widget.send")).click();

        Locator log = chat.getByRole(AriaRole.LOG);
        Locator mine = log.locator("li.mine").filter(new Locator.FilterOptions().setHasText(question));
        Locator answer = log.locator("li.assistant").first();
        assertThat(answer).containsText(persian("bot.author"));
        assertThat(answer).containsText("مهلت پس دادن کفش ۳۰ روز است");
        assertThat(answer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("پس دادن کفش")))
                .isVisible();
        Locator verdict = chat.getByRole(
                AriaRole.GROUP,
                new FrameLocator.GetByRoleOptions().setName(persian("bot.ask")).setExact(true));
        assertThat(verdict).isVisible();
        Locator yes = button(chat, persian("bot.widget.yes"));
        Locator no = button(chat, persian("bot.widget.no"));
        Locator person = button(chat, persian("bot.widget.person"));
        assertThat(yes).isVisible();
        assertThat(no).isVisible();
        assertThat(person).isVisible();
        assertThat(button(chat, "Talk to a person")).hasCount(0);

        // Mirrored: the panel opens on the page's left, the visitor's own bubble sits on the log's left (inline-end)
        // and the assistant's on its right (inline-start); the controls run from the right, Send is left of the text.
        BoundingBox panel = box(visitor.locator("iframe[title='" + persian("widget.title") + "']"));
        assertThat(panel.x + panel.width / 2).isLessThan(visitor.viewportSize().width / 2.0);
        BoundingBox logBox = box(log);
        BoundingBox mineBox = box(mine);
        BoundingBox answerBox = box(answer);
        assertThat(mineBox.x - logBox.x).isLessThan(right(logBox) - right(mineBox));
        assertThat(right(logBox) - right(answerBox)).isLessThan(answerBox.x - logBox.x);
        BoundingBox verdictBox = box(verdict);
        BoundingBox yesBox = box(yes);
        BoundingBox noBox = box(no);
        BoundingBox personBox = box(person);
        assertThat(List.of(noBox.y, personBox.y)).containsOnly(yesBox.y);
        assertThat(yesBox.x).isGreaterThan(right(noBox));
        assertThat(noBox.x).isGreaterThan(right(personBox));
        // The row is packed against its right edge, the free space left of "talk to a person".
        assertThat(right(verdictBox) - right(yesBox)).isLessThan(personBox.x - verdictBox.x);
        BoundingBox text = box(chat.locator("#text"));
        assertThat(right(box(chat.locator("#send")))).isLessThanOrEqualTo(text.x);

        person.click();
        assertThat(log).containsText(persian("bot.widget.handedOff"));
        assertThat(verdict).isHidden();
        assertThat(jdbc.sql(
                                "select assignee_id is null and queued_at is not null and language = 'fa' from conversation")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select language || ' ' || outcome from help_bot_answer")
                        .query(String.class)
                        .single())
                .isEqualTo("fa escalated");
    }
}
