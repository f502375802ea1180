package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import org.sohbet.helpcenter.HelpArticleFixture;
import org.sohbet.shared.BrowserIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** The widget's help view in real Chromium: a suggestion set up in the console, search, and reading in place. */
class WidgetHelpBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    SignedInAgent ali;

    @BeforeEach
    void shopWithArticles() {
        ali = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        availability.choose(ali, "online");
        HelpArticleFixture articles = new HelpArticleFixture(applicationContext);
        articles.article(ali, Language.ENGLISH, "Shipping times", "Parcels arrive in **three days** by post.", true);
        articles.article(ali, Language.ENGLISH, "Returning shoes", "Return shoes within 30 days for a refund.", true);
        articles.article(ali, Language.ENGLISH, "Shipping secrets", "Draft about shipping plans.", false);
    }

    @Test
    void theVisitorSeesThePagesSuggestionReadsItInsideTheWidgetAndSearches() {
        ChatPages.signIn(page, url("/login"), "ali@shop.test", PASSWORD);
        page.navigate(url("/console/help/suggestions"));
        page.getByLabel("Page address").fill("/demo*");
        page.getByLabel("Article")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Shipping times (en)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add suggestion"))
                .click();
        assertThat(page.locator("tbody")).containsText("/demo*");

        Page visitor = otherBrowser("en");
        visitor.navigate(url("/demo"));
        FrameLocator chat = ChatPages.openChat(visitor, "Open chat", "Chat with us");
        Locator toggle = chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Help articles"));
        toggle.click();
        assertThat(chat.getByRole(
                        AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Suggested for this page")))
                .isVisible();
        Locator suggested =
                chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Shipping times"));
        assertThat(suggested).isVisible();
        assertThat(chat.getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true)))
                .isHidden();

        suggested.click();
        assertThat(chat.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Shipping times")))
                .isFocused();
        assertThat(chat.locator("#help-article-body strong")).hasText("three days");
        assertThat(chat.getByRole(
                        AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Open in the help center")))
                .hasAttribute("href", java.util.regex.Pattern.compile("^/help/"));

        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Back to articles"))
                .click();
        chat.getByRole(AriaRole.SEARCHBOX, new FrameLocator.GetByRoleOptions().setName("Search help articles"))
                .fill("shiping");
        chat.getByRole(AriaRole.SEARCHBOX, new FrameLocator.GetByRoleOptions().setName("Search help articles"))
                .press("Enter");
        assertThat(chat.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Search results")))
                .isVisible();
        assertThat(chat.locator("#help-list")).containsText("Shipping times");
        assertThat(chat.locator("#help-list")).not().containsText("Shipping secrets");

        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Back to chat"))
                .click();
        assertThat(chat.getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true)))
                .isVisible();
    }
}
