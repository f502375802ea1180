package org.sohbet.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class SignInBrowserTests extends BrowserIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @BeforeEach
    void owner() {
        new AccountFixtures(mvc, setup, invitations).owner("owner@shop.test");
    }

    @Test
    void ownerSignsInWithTheFormAndSeesTheConsole() {
        page.navigate(url("/login"));

        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("owner@shop.test");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(url("/console/inbox"));
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Owner owner@shop.test")))
                .isVisible();
    }

    @Test
    void signInPageIsRightToLeftInPersian() {
        openPage("fa").navigate(url("/login"));

        assertThat(page.locator("html")).hasAttribute("lang", "fa");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("ورود").setExact(true)))
                .isVisible();
    }
}
