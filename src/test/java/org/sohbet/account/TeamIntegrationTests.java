package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class TeamIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    AccountFixtures fixtures;
    SignedInAgent owner;
    SignedInAgent agent;

    @BeforeEach
    void team() {
        fixtures = new AccountFixtures(mvc, setup, invitations);
        owner = fixtures.owner("owner@shop.test");
        agent = fixtures.invite(owner, "agent@shop.test", Role.AGENT);
    }

    @Test
    void teamPageListsAgentsWithTheirRoles() throws Exception {
        MockHttpSession session = fixtures.signIn("owner@shop.test");

        String page = mvc.perform(get("/console/settings/agents").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("owner@shop.test", "agent@shop.test", "Owner", "Agent");
    }

    @Test
    void disablingAnAgentEndsTheirOpenSessionAndBlocksSignIn() throws Exception {
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");
        MockHttpSession agentSession = fixtures.signIn("agent@shop.test");
        mvc.perform(get("/console/inbox").session(agentSession)).andExpect(status().isOk());

        mvc.perform(post("/console/settings/agents/" + agent.agentId().value() + "/disable")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/settings/agents"));

        mvc.perform(get("/console/inbox").session(agentSession)).andExpect(redirectedUrl("/login"));
        assertThat(fixtures.signInResult("agent@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?disabled");
    }

    @Test
    void reEnabledAgentCanSignInAgain() throws Exception {
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");
        String id = String.valueOf(agent.agentId().value());
        mvc.perform(post("/console/settings/agents/" + id + "/disable")
                .session(ownerSession)
                .with(csrf()));

        mvc.perform(post("/console/settings/agents/" + id + "/enable")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/settings/agents"));

        assertThat(fixtures.signInResult("agent@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
    }

    @Test
    void htmxToggleAnswersWithTheUpdatedRowOnly() throws Exception {
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");

        String row = mvc.perform(
                        post("/console/settings/agents/" + agent.agentId().value() + "/disable")
                                .session(ownerSession)
                                .with(csrf())
                                .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(row.strip())
                .startsWith("<tr")
                .contains("Disabled")
                .contains("Enable")
                .doesNotContain("<html");
    }

    @Test
    void anotherTenantsAgentIdAnswers404LikeAMissingOne() throws Exception {
        SignedInAgent foreignOwner = fixtures.ownerOfAnotherAccount("boss@other.test");
        SignedInAgent foreignAgent = fixtures.invite(foreignOwner, "worker@other.test", Role.AGENT);
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");

        var foreign = mvc.perform(post("/console/settings/agents/"
                                + foreignAgent.agentId().value() + "/disable")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse();
        var missing = mvc.perform(post("/console/settings/agents/999999/disable")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse();

        assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
        assertThat(jdbc.sql("select enabled from membership where agent_id = ?")
                        .param(foreignAgent.agentId().value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anotherTenantsInvitationIdAnswers404() throws Exception {
        SignedInAgent foreignOwner = fixtures.ownerOfAnotherAccount("boss@other.test");
        var foreignInvitation = invitations.invite(foreignOwner, "new@other.test", Role.AGENT);
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/console/settings/agents/invitations/" + foreignInvitation.id() + "/revoke")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/invite/" + foreignInvitation.token())).andExpect(status().isOk());
    }

    @Test
    void teamPageShowsOnlyTheOwnAccountsAgents() throws Exception {
        fixtures.ownerOfAnotherAccount("boss@other.test");
        MockHttpSession session = fixtures.signIn("owner@shop.test");

        String page = mvc.perform(get("/console/settings/agents").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain("boss@other.test");
    }

    @Test
    void adminsCannotDisableTheOwnerAndNobodyDisablesThemselves() throws Exception {
        fixtures.invite(owner, "admin@shop.test", Role.ADMIN);
        MockHttpSession adminSession = fixtures.signIn("admin@shop.test");
        MockHttpSession ownerSession = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/console/settings/agents/" + owner.agentId().value() + "/disable")
                        .session(adminSession)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/agents/" + owner.agentId().value() + "/disable")
                        .session(ownerSession)
                        .with(csrf()))
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("select bool_and(enabled) from membership")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void agentsCannotReachAccountSettings() throws Exception {
        MockHttpSession agentSession = fixtures.signIn("agent@shop.test");

        mvc.perform(get("/console/settings/account").session(agentSession)).andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/account")
                        .session(agentSession)
                        .with(csrf())
                        .param("name", "Hijacked")
                        .param("timezone", "UTC")
                        .param("defaultLanguage", "en"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/settings/profile").session(agentSession)).andExpect(status().isOk());
    }
}
