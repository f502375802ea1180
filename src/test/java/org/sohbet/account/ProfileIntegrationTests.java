package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class ProfileIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    AccountFixtures fixtures;
    MockHttpSession session;

    @BeforeEach
    void signedIn() throws Exception {
        fixtures = new AccountFixtures(mvc, setup, invitations);
        fixtures.owner("owner@shop.test");
        session = fixtures.signIn("owner@shop.test");
    }

    @Test
    void theAgentsLanguageWinsOverTheBrowsers() throws Exception {
        mvc.perform(post("/console/settings/profile")
                        .session(session)
                        .with(csrf())
                        .param("displayName", "Leyla")
                        .param("language", "fa")
                        .param("calendar", "SOLAR_HIJRI")
                        .param("digits", "NATIVE"))
                .andExpect(redirectedUrl("/console/settings/profile"));

        Document page = Jsoup.parse(
                mvc.perform(get("/console/settings/profile").session(session).header("Accept-Language", "en-US,en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fa");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst(".agent-name").text()).isEqualTo("Leyla");
        // The example on the page uses the Solar Hijri calendar and Persian digits.
        assertThat(page.selectFirst(".example-number").text()).isEqualTo("۱٬۲۳۴٬۵۶۷");
        assertThat(page.selectFirst(".example-date").text())
                .containsPattern("[۰-۹]")
                .doesNotContainPattern("[0-9]");
    }

    @Test
    void withoutAChoiceTheBrowsersLanguageIsUsed() throws Exception {
        Document page =
                Jsoup.parse(mvc.perform(get("/console/inbox").session(session).header("Accept-Language", "tr"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("tr");
    }

    @Test
    void rejectsAnEmptyNameAndKeepsTheOldOne() throws Exception {
        mvc.perform(post("/console/settings/profile")
                        .session(session)
                        .with(csrf())
                        .param("displayName", "   ")
                        .param("language", ""))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select display_name from agent")
                        .query(String.class)
                        .single())
                .isEqualTo("Owner owner@shop.test");
    }

    @Test
    void changingThePasswordEndsOtherSessionsButKeepsThisOne() throws Exception {
        MockHttpSession otherDevice = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/console/settings/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", AccountFixtures.PASSWORD)
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmation", "a brand new passphrase"))
                .andExpect(redirectedUrl("/console/settings/password"));

        mvc.perform(get("/console/inbox").session(session)).andExpect(status().isOk());
        mvc.perform(get("/console/inbox").session(otherDevice)).andExpect(redirectedUrl("/login"));
        assertThat(fixtures.signInResult("owner@shop.test", "a brand new passphrase")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
        assertThat(fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAMatchingConfirmation() throws Exception {
        mvc.perform(post("/console/settings/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "not my password")
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmation", "a brand new passphrase"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/console/settings/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", AccountFixtures.PASSWORD)
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmation", "a different passphrase"))
                .andExpect(status().isUnprocessableContent());

        assertThat(fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
    }

    @Test
    void ownerUpdatesTheAccountSettings() throws Exception {
        mvc.perform(post("/console/settings/account")
                        .session(session)
                        .with(csrf())
                        .param("name", "Sofia Books")
                        .param("timezone", "Europe/Sofia")
                        .param("defaultLanguage", "bg"))
                .andExpect(redirectedUrl("/console/settings/account"));

        var account = jdbc.sql("select name, timezone, default_language from account")
                .query()
                .singleRow();
        assertThat(account)
                .containsEntry("name", "Sofia Books")
                .containsEntry("timezone", "Europe/Sofia")
                .containsEntry("default_language", "bg");
    }

    @Test
    void accountSettingsRejectBadValues() throws Exception {
        mvc.perform(post("/console/settings/account")
                        .session(session)
                        .with(csrf())
                        .param("name", "x".repeat(121))
                        .param("timezone", "UTC")
                        .param("defaultLanguage", "en"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/console/settings/account")
                        .session(session)
                        .with(csrf())
                        .param("name", "Shop")
                        .param("timezone", "Not/AZone")
                        .param("defaultLanguage", "en"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/console/settings/account")
                        .session(session)
                        .with(csrf())
                        .param("name", "Shop")
                        .param("timezone", "UTC")
                        .param("defaultLanguage", "de"))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select name from account").query(String.class).single())
                .isEqualTo("Shop of owner@shop.test");
    }

    @Test
    void consoleShellLinksEverySectionAndSaysHonestlyWhatIsComing() throws Exception {
        for (String section : new String[] {"inbox", "visitors", "contacts", "help", "reports"}) {
            Document page = Jsoup.parse(mvc.perform(get("/console/" + section).session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("nav.sidebar a").eachAttr("href"))
                    .contains(
                            "/console/inbox",
                            "/console/visitors",
                            "/console/contacts",
                            "/console/help",
                            "/console/reports",
                            "/console/settings");
            assertThat(page.selectFirst("nav.sidebar a[aria-current=page]").attr("href"))
                    .isEqualTo("/console/" + section);
            if (!section.equals("inbox") && !section.equals("help") && !section.equals("visitors")) {
                assertThat(page.selectFirst("main .empty").text()).contains("being built");
            }
        }
    }
}
