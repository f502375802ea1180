package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.Availability;
import org.springframework.beans.factory.annotation.Autowired;

class TeamSettingsIntegrationTests extends SettingsPageTest {

    @Autowired
    Teams teams;

    @Autowired
    Availability availability;

    String id(org.sohbet.account.SignedInAgent who) {
        return String.valueOf(who.agentId().value());
    }

    @Test
    void ownerCreatesATeamWithTheChosenAgents() throws Exception {
        mvc.perform(post("/console/settings/teams")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "Returns")
                        .param("member", id(agent)))
                .andExpect(redirectedUrl("/console/settings/teams"));

        TeamGroup team = teams.list(owner.accountId()).getFirst();
        assertThat(team.name()).isEqualTo("Returns");
        assertThat(team.members()).containsExactly(agent.agentId());
        String page = mvc.perform(get("/console/settings/teams").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Returns", "Sara");
        assertAccessible(page);
    }

    @Test
    void renamingReplacesTheMembersAndDeletingRemovesTheTeam() throws Exception {
        TeamGroup team = teams.create(owner, "Sales", Set.of(agent.agentId()));

        String form = mvc.perform(get("/console/settings/teams/" + team.id()).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("value=\"Sales\"");
        assertAccessible(form);
        mvc.perform(post("/console/settings/teams/" + team.id())
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "Sales EU")
                        .param("member", id(owner)))
                .andExpect(redirectedUrl("/console/settings/teams"));
        TeamGroup changed = teams.find(owner.accountId(), team.id()).orElseThrow();
        assertThat(changed.name()).isEqualTo("Sales EU");
        assertThat(changed.members()).containsExactly(owner.agentId());

        mvc.perform(post("/console/settings/teams/" + team.id() + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/settings/teams"));
        assertThat(teams.list(owner.accountId())).isEmpty();
    }

    @Test
    void blankOrTakenNameIsShownAtTheFieldAndStoresNothing() throws Exception {
        String blank = mvc.perform(post("/console/settings/teams")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "  ")
                        .param("member", id(agent)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(blank, "name")).isEqualTo("Give the team a name of 1 to 80 characters.");
        assertThat(count("team")).isZero();

        teams.create(owner, "Sales", Set.of());
        String taken = mvc.perform(post("/console/settings/teams")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "SALES")
                        .param("member", id(agent)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(taken, "name")).isEqualTo("A team with this name exists already.");
        assertThat(taken).as("what was typed stays in the form").contains("value=\"SALES\"");
        assertThat(count("team")).isOne();
        assertThat(count("team_member")).isZero();
    }

    @Test
    void agentsAreRefusedTeamsCapacityAndAwayPeriod() throws Exception {
        mvc.perform(get("/console/settings/teams").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/teams").with(as(agent)).with(csrf()).param("name", "Mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/teams/capacity/" + id(agent))
                        .with(as(agent))
                        .with(csrf())
                        .param("maxChats", "50"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/teams/away")
                        .with(as(agent))
                        .with(csrf())
                        .param("minutes", "700"))
                .andExpect(status().isForbidden());

        assertThat(count("team")).isZero();
        assertThat(availability.of(agent).maxChats()).isEqualTo(5);
        assertThat(availability.awayAfterMinutes(owner.accountId())).isEqualTo(Availability.DEFAULT_AWAY_MINUTES);
        String profile = mvc.perform(get("/console/settings/profile").with(as(agent)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(profile).doesNotContain("/console/settings/teams").contains("/console/settings/notifications");
    }

    @Test
    void anotherAccountsTeamAnswers404AndStaysAsItWas() throws Exception {
        TeamGroup foreign = teams.create(stranger, "Secret", Set.of(stranger.agentId()));

        mvc.perform(get("/console/settings/teams/" + foreign.id()).with(as(owner)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/settings/teams/" + foreign.id())
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "Taken over"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/settings/teams/" + foreign.id() + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        TeamGroup after = teams.find(stranger.accountId(), foreign.id()).orElseThrow();
        assertThat(after.name()).isEqualTo("Secret");
        assertThat(after.members()).containsExactly(stranger.agentId());
    }

    @Test
    void anotherAccountsAgentCannotJoinATeam() throws Exception {
        mvc.perform(post("/console/settings/teams")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "Mixed")
                        .param("member", id(agent), id(stranger)))
                .andExpect(redirectedUrl("/console/settings/teams"));

        assertThat(teams.list(owner.accountId()).getFirst().members()).containsExactly(agent.agentId());
    }

    @Test
    void ownerSetsAnAgentsCapacityWithinOneToFifty() throws Exception {
        mvc.perform(post("/console/settings/teams/capacity/" + id(agent))
                        .with(as(owner))
                        .with(csrf())
                        .param("maxChats", "12"))
                .andExpect(redirectedUrl("/console/settings/teams"));
        assertThat(availability.of(agent).maxChats()).isEqualTo(12);

        for (String bad : new String[] {"0", "51", "many", ""}) {
            String page = mvc.perform(post("/console/settings/teams/capacity/" + id(agent))
                            .with(as(owner))
                            .with(csrf())
                            .param("maxChats", bad))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(fieldError(page, "capacity-" + id(agent)))
                    .as("capacity %s", bad)
                    .isEqualTo("Enter a whole number from 1 to 50.");
        }
        assertThat(availability.of(agent).maxChats()).isEqualTo(12);
    }

    @Test
    void capacityOfAnotherAccountsAgentAnswers404() throws Exception {
        mvc.perform(post("/console/settings/teams/capacity/" + id(stranger))
                        .with(as(owner))
                        .with(csrf())
                        .param("maxChats", "1"))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from agent_presence where agent_id = ?")
                        .param(stranger.agentId().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void ownerSetsTheAutoAwayPeriodAndBadMinutesAreShownAtTheField() throws Exception {
        mvc.perform(post("/console/settings/teams/away")
                        .with(as(owner))
                        .with(csrf())
                        .param("minutes", "25"))
                .andExpect(redirectedUrl("/console/settings/teams"));
        assertThat(availability.awayAfterMinutes(owner.accountId())).isEqualTo(25);
        assertThat(availability.awayAfterMinutes(stranger.accountId())).isEqualTo(Availability.DEFAULT_AWAY_MINUTES);

        String page = mvc.perform(post("/console/settings/teams/away")
                        .with(as(owner))
                        .with(csrf())
                        .param("minutes", "721"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(page, "awayAfter")).isEqualTo("Enter a whole number of minutes from 1 to 720.");
        assertThat(page).contains("value=\"721\"");
        assertThat(availability.awayAfterMinutes(owner.accountId())).isEqualTo(25);
    }
}
