package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MvcResult;

class InvitationIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    AccountFixtures fixtures;
    SignedInAgent owner;

    @BeforeEach
    void owner() {
        fixtures = new AccountFixtures(mvc, setup, invitations);
        owner = fixtures.owner("owner@shop.test");
    }

    @Test
    void ownerCreatesALinkThroughTheTeamPageAndTheInviteeJoins() throws Exception {
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");
        MvcResult created = mvc.perform(post("/console/settings/agents/invitations")
                        .session(ownerSession)
                        .with(csrf())
                        .param("email", "Ayse@Shop.test")
                        .param("role", "AGENT"))
                .andExpect(redirectedUrl("/console/settings/agents"))
                .andReturn();
        String link = (String) created.getFlashMap().get("inviteLink");
        assertThat(link).matches("http://localhost(:\\d+)?/invite/[A-Za-z0-9_-]{43}");
        String path = link.substring(link.indexOf("/invite/"));

        String page = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("ayse@shop.test").contains("Shop of owner@shop.test");

        mvc.perform(post(path).with(csrf()).param("displayName", "Ayşe").param("password", "another good password"))
                .andExpect(redirectedUrl("/console"));

        assertThat(fixtures.signInResult("ayse@shop.test", "another good password")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
        assertThat(jdbc.sql("select role from membership m join agent a on a.id = m.agent_id where a.email = ?")
                        .param("ayse@shop.test")
                        .query(String.class)
                        .single())
                .isEqualTo("agent");
        // Only a hash of the token is stored.
        assertThat(jdbc.sql("select count(*) from invitation where encode(token_hash, 'escape') like ?")
                        .param("%" + path.substring("/invite/".length()) + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void linkWorksOnlyOnce() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);
        String path = "/invite/" + invitation.token();

        mvc.perform(post(path).with(csrf()).param("displayName", "Ayşe").param("password", "another good password"))
                .andExpect(redirectedUrl("/console"));

        mvc.perform(get(path)).andExpect(status().isGone());
        mvc.perform(post(path).with(csrf()).param("displayName", "Eve").param("password", "eves own password"))
                .andExpect(status().isGone());
        assertThat(jdbc.sql("select display_name from agent where email = 'ayse@shop.test'")
                        .query(String.class)
                        .single())
                .isEqualTo("Ayşe");
    }

    @Test
    void linkExpires() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);
        String path = "/invite/" + invitation.token();

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        String page = mvc.perform(get(path))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("This invitation has expired");
        mvc.perform(post(path).with(csrf()).param("displayName", "Ayşe").param("password", "another good password"))
                .andExpect(status().isGone());
        assertThat(jdbc.sql("select count(*) from agent").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void linkStillWorksJustBeforeItExpires() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);

        clock.advance(Duration.ofDays(7).minusMinutes(1));

        mvc.perform(get("/invite/" + invitation.token())).andExpect(status().isOk());
    }

    @Test
    void unknownAndMalformedTokensAnswer404() throws Exception {
        mvc.perform(get("/invite/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/invite/" + "x".repeat(500))).andExpect(status().isNotFound());
    }

    @Test
    void linkIsBoundToTheInvitedEmail() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);

        // An email field in the form is ignored: the agent always gets the invited address.
        mvc.perform(post("/invite/" + invitation.token())
                        .with(csrf())
                        .param("email", "mallory@evil.test")
                        .param("displayName", "Ayşe")
                        .param("password", "another good password"))
                .andExpect(redirectedUrl("/console"));

        assertThat(jdbc.sql("select email from agent order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("ayse@shop.test");
    }

    @Test
    void aNewerLinkReplacesTheOlderOne() throws Exception {
        var first = invitations.invite(owner, "ayse@shop.test", Role.AGENT);
        var second = invitations.invite(owner, "ayse@shop.test", Role.ADMIN);

        mvc.perform(get("/invite/" + first.token())).andExpect(status().isGone());
        mvc.perform(get("/invite/" + second.token())).andExpect(status().isOk());
    }

    @Test
    void revokedLinkNoLongerWorks() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/console/settings/agents/invitations/" + invitation.id() + "/revoke")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/settings/agents"));

        mvc.perform(get("/invite/" + invitation.token())).andExpect(status().isGone());
    }

    @Test
    void badPasswordDoesNotUseUpTheLink() throws Exception {
        var invitation = invitations.invite(owner, "ayse@shop.test", Role.AGENT);
        String path = "/invite/" + invitation.token();

        mvc.perform(post(path).with(csrf()).param("displayName", "Ayşe").param("password", "short"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void anAgentOfAnotherShopJoinsWithTheirExistingPassword() throws Exception {
        fixtures.ownerOfAnotherAccount("boss@other.test");
        var invitation = invitations.invite(owner, "boss@other.test", Role.ADMIN);
        String path = "/invite/" + invitation.token();

        mvc.perform(post(path).with(csrf()).param("password", "wrong password here"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(path).with(csrf()).param("password", AccountFixtures.PASSWORD))
                .andExpect(redirectedUrl("/console"));

        assertThat(jdbc.sql("select count(*) from membership m join agent a on a.id = m.agent_id where a.email = ?")
                        .param("boss@other.test")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void agentsCannotInviteAndAdminsCannotInviteAdmins() throws Exception {
        SignedInAgent agent = fixtures.invite(owner, "agent@shop.test", Role.AGENT);
        SignedInAgent admin = fixtures.invite(owner, "admin@shop.test", Role.ADMIN);

        assertThatThrownBy(() -> invitations.invite(agent, "x@shop.test", Role.AGENT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(admin, "x@shop.test", Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(owner, "x@shop.test", Role.OWNER))
                .isInstanceOf(AccessDeniedException.class);

        MockHttpSession agentSession = fixtures.signIn("agent@shop.test");
        mvc.perform(post("/console/settings/agents/invitations")
                        .session(agentSession)
                        .with(csrf())
                        .param("email", "x@shop.test")
                        .param("role", "AGENT"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/settings/agents").session(agentSession)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from invitation where email = 'x@shop.test'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void invitingAnExistingMemberIsRefused() {
        fixtures.invite(owner, "agent@shop.test", Role.AGENT);

        assertThatThrownBy(() -> invitations.invite(owner, "agent@shop.test", Role.AGENT))
                .isInstanceOf(AccountProblem.class)
                .hasMessageContaining("invitation.alreadyMember");
    }
}
