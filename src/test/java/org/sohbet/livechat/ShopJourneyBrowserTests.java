package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.proactive.ChatInvitations;
import org.sohbet.proactive.InvitationRule;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shop journey in real Chromium: a visitor browses the demo shop into checkout while the agent watches the live
 * visitors page, a checkout rule invites the visitor, and the agent sends the visitor's tab to a product page.
 */
class ShopJourneyBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";
    /** The live list refreshes every 500 ms, so it shows a tracked change well within the second. */
    static final LocatorAssertions.ContainsTextOptions WITHIN_A_SECOND =
            new LocatorAssertions.ContainsTextOptions().setTimeout(1000);

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Availability availability;

    @Autowired
    ChatInvitations invitations;

    @Autowired
    WebsiteInboxes inboxes;

    SignedInAgent owner;
    Page agent;
    Page visitor;
    String visitorKey;

    @BeforeEach
    void shopAndConsole() {
        owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        availability.choose(owner, "online");
        long inbox = inboxes.list(owner.accountId()).getFirst().id();
        invitations.save(
                owner,
                new InvitationRule(
                        0,
                        inbox,
                        "Checkout help",
                        true,
                        List.of("/demo/checkout*"),
                        0,
                        0,
                        null,
                        "in",
                        Set.of(),
                        "any",
                        Map.of("en", "Stuck at checkout? We can help."),
                        1,
                        60));
        agent = page;
        ChatPages.signIn(agent, url("/login"), "ali@shop.test", PASSWORD);
        agent.navigate(url("/console/visitors"));
        visitor = otherBrowser("en");
    }

    /** This visitor's row: live state is in memory and may still hold other tests' visitors of the same account id. */
    Locator row() {
        return agent.locator("#live-visitor-rows tr[data-visitor='" + visitorKey + "']");
    }

    /**
     * Runs a step of the visitor's and waits until the loader's batch for the new page has been answered: the second
     * the live list has to show the change starts there.
     */
    void go(Runnable step) {
        visitor.waitForResponse(response -> response.url().contains("/widget/events"), step);
    }

    @Test
    void theAgentFollowsTheJourneyInvitesAtCheckoutAndSendsTheVisitorToAProduct() {
        go(() -> visitor.navigate(url("/demo")));
        visitor.waitForFunction("() => localStorage.getItem('sohbet.vid')");
        visitorKey = (String) visitor.evaluate("() => localStorage.getItem('sohbet.vid')");
        go(() -> visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tea glass set"))
                .click());
        assertThat(row()).containsText("Tea glass set", WITHIN_A_SECOND);

        go(() -> visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to cart"))
                .click());
        assertThat(row().locator("td.checkout-step")).containsText("Cart", WITHIN_A_SECOND);

        go(() -> visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to checkout"))
                .click());
        assertThat(row().locator("td.checkout-step")).containsText("Address", WITHIN_A_SECOND);

        // The checkout rule fired: the widget opens by itself with the invitation.
        FrameLocator chat = visitor.frameLocator("iframe[title='Chat with us']");
        assertThat(chat.getByRole(AriaRole.LOG)).containsText("Stuck at checkout? We can help.");
        ChatPages.say(chat, "Yes, which pot goes with these glasses?");
        assertThat(row().locator("a.in-chat")).isVisible();
        assertThat(jdbc.sql("select count(converted_at) from proactive_firing")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        row().locator("a.in-chat").click();
        agent.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Open this page"))
                .check();
        agent.getByLabel("Address on your shop").fill(url("/demo/products/copper-pot"));
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show to the visitor"))
                .click();
        assertThat(agent.locator("#push-status")).containsText("Sent to the visitor.");

        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Open this page"))
                .click();
        visitor.waitForURL(Pattern.compile(".*/demo/products/copper-pot$"));
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Copper coffee pot")))
                .isVisible();
        agent.navigate(url("/console/visitors"));
        assertThat(row()).containsText("Copper coffee pot");
    }
}
