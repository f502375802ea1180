package org.sohbet.livechat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.livechat.FaqBots;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The FAQ bot's opt-in and threshold in the inbox settings: admins only, validated, per tenant. */
class FaqBotSettingsIntegrationTests extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    FaqBots bots;

    SignedInAgent owner;
    SignedInAgent agent;
    SignedInAgent stranger;
    long inbox;

    @BeforeEach
    void accounts() {
        owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        var invitation = invitations.invite(owner, "sara@shop.test", Role.AGENT);
        agent = invitations.accept(invitation.token(), "Sara", PASSWORD);
        stranger = setup.createAccount(
                new FirstOwnerSetup.NewOwner("Other", "Bea", "bea@other.test", PASSWORD, null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst().id();
    }

    static RequestPostProcessor as(SignedInAgent who) {
        return authentication(new UsernamePasswordAuthenticationToken(
                who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
    }

    String url() {
        return "/console/settings/inboxes/" + inbox;
    }

    @Test
    void thePageShowsTheBotOffAtSixtyPercentWithLabelledControls() throws Exception {
        String html = mvc.perform(get(url()).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        var checkbox = page.selectFirst("input[name=botEnabled]");
        assertThat(checkbox).isNotNull();
        assertThat(checkbox.hasAttr("checked")).isFalse();
        assertThat(checkbox.parent().text()).isEqualTo("Let the FAQ bot answer visitors in this inbox");
        var threshold = page.getElementById("botThreshold");
        assertThat(threshold.attr("value")).isEqualTo("60");
        assertThat(page.select("label[for=botThreshold]").text()).isEqualTo("Least confidence (percent)");
        assertThat(page.select("form[action=" + url() + "/bot] button").text()).isEqualTo("Save bot settings");
    }

    @Test
    void anAdminTurnsTheBotOnWithAThresholdAndOffAgain() throws Exception {
        mvc.perform(post(url() + "/bot")
                        .with(as(owner))
                        .with(csrf())
                        .param("botEnabled", "on")
                        .param("botThreshold", "75"))
                .andExpect(redirectedUrl(url()));
        assertThat(bots.settings(owner.accountId(), inbox)).isEqualTo(new FaqBots.Settings(true, 75));
        String html = mvc.perform(get(url()).with(as(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("input[name=botEnabled]").hasAttr("checked"))
                .isTrue();
        assertThat(page.getElementById("botThreshold").attr("value")).isEqualTo("75");

        mvc.perform(post(url() + "/bot").with(as(owner)).with(csrf()).param("botThreshold", "75"))
                .andExpect(redirectedUrl(url()));
        assertThat(bots.settings(owner.accountId(), inbox)).isEqualTo(new FaqBots.Settings(false, 75));
    }

    @Test
    void aThresholdOutsideOneToAHundredIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        for (String bad : new String[] {"0", "101", "sixty", ""}) {
            String html = mvc.perform(post(url() + "/bot")
                            .with(as(owner))
                            .with(csrf())
                            .param("botEnabled", "on")
                            .param("botThreshold", bad))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(page.getElementById("botThreshold-error").text())
                    .isEqualTo("Give the confidence as a whole number from 1 to 100.");
            assertThat(page.getElementById("botThreshold").attr("value")).isEqualTo(bad);
            assertThat(page.getElementById("botThreshold").attr("aria-invalid")).isEqualTo("true");
        }
        assertThat(bots.settings(owner.accountId(), inbox)).isEqualTo(new FaqBots.Settings(false, 60));
    }

    @Test
    void anAgentMayNotChangeTheBotAndAnotherAccountsInboxAnswers404() throws Exception {
        mvc.perform(post(url() + "/bot")
                        .with(as(agent))
                        .with(csrf())
                        .param("botEnabled", "on")
                        .param("botThreshold", "50"))
                .andExpect(status().isForbidden());
        mvc.perform(post(url() + "/bot")
                        .with(as(stranger))
                        .with(csrf())
                        .param("botEnabled", "on")
                        .param("botThreshold", "50"))
                .andExpect(status().isNotFound());
        assertThat(bots.settings(owner.accountId(), inbox)).isEqualTo(new FaqBots.Settings(false, 60));
    }
}
