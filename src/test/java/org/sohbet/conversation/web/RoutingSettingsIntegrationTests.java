package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.BusinessHours;
import org.sohbet.conversation.Inboxes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class RoutingSettingsIntegrationTests extends SettingsPageTest {

    @Autowired
    Teams teams;

    long inbox;
    String url;
    TeamGroup sales;

    @BeforeEach
    void inbox() {
        inbox = inboxOf(owner);
        url = "/console/settings/inboxes/" + inbox + "/routing";
        sales = teams.create(owner, "Sales", Set.of(agent.agentId()));
    }

    MockHttpServletRequestBuilder save() {
        return post(url).with(as(owner)).with(csrf());
    }

    Inboxes.Rules rules() {
        return inboxes.rules(owner.accountId(), inbox);
    }

    @Test
    void ownerSavesMembersAssignmentHoursHolidaysAndAwayText() throws Exception {
        mvc.perform(save().param("restricted", "on")
                        .param("agent", String.valueOf(agent.agentId().value()))
                        .param("team", String.valueOf(sales.id()))
                        .param("noAnswerMinutes", "7")
                        .param("mon-0-from", "09:00")
                        .param("mon-0-to", "12:30")
                        .param("mon-1-from", "13:30")
                        .param("mon-1-to", "18:00")
                        .param("sat-0-from", "10:00")
                        .param("sat-0-to", "14:00")
                        .param("holidays", "2025-12-31\n2025-03-21\n\n")
                        .param("away.en", "  Back at nine.  ")
                        .param("away.fa", "ساعت نه برمی‌گردیم.")
                        .param("away.ar", ""))
                .andExpect(redirectedUrl(url));

        Inboxes.Rules rules = rules();
        assertThat(rules.restricted()).isTrue();
        assertThat(rules.agents()).containsExactly(agent.agentId());
        assertThat(rules.teams()).containsExactly(sales.id());
        assertThat(rules.autoAssign()).as("unchecked box").isFalse();
        assertThat(rules.noAnswerMinutes()).isEqualTo(7);
        assertThat(rules.week())
                .containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)
                .containsEntry(
                        DayOfWeek.MONDAY,
                        List.of(
                                new BusinessHours.Range(LocalTime.of(9, 0), LocalTime.of(12, 30)),
                                new BusinessHours.Range(LocalTime.of(13, 30), LocalTime.of(18, 0))));
        assertThat(rules.holidays()).containsExactly(LocalDate.of(2025, 3, 21), LocalDate.of(2025, 12, 31));
        assertThat(rules.awayText()).isEqualTo(Map.of("en", "Back at nine.", "fa", "ساعت نه برمی‌گردیم."));

        String page = mvc.perform(get(url).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("value=\"13:30\"", "2025-03-21\n2025-12-31", "Back at nine.")
                .as("the hours are in the account's timezone")
                .contains("Asia/Tehran");
        assertAccessible(page);
    }

    @Test
    void emptyFieldsMeanAlwaysOpenAndNeverRequeue() throws Exception {
        mvc.perform(save().param("autoAssign", "on")
                        .param("noAnswerMinutes", "5")
                        .param("tue-0-from", "09:00")
                        .param("tue-0-to", "17:00"))
                .andExpect(redirectedUrl(url));
        mvc.perform(save().param("autoAssign", "on").param("noAnswerMinutes", ""))
                .andExpect(redirectedUrl(url));

        Inboxes.Rules rules = rules();
        assertThat(rules.noAnswerMinutes()).isNull();
        assertThat(rules.week()).isEmpty();
        assertThat(rules.holidays()).isEmpty();
        assertThat(rules.autoAssign()).isTrue();
        assertThat(rules.restricted()).isFalse();
    }

    @Test
    void closingBeforeOpeningIsShownAtThatDayAndStoresNothing() throws Exception {
        String page = mvc.perform(save().param("restricted", "on")
                        .param("noAnswerMinutes", "9")
                        .param("mon-0-from", "09:00")
                        .param("mon-0-to", "17:00")
                        .param("wed-1-from", "18:00")
                        .param("wed-1-to", "08:00"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fieldError(page, "hours-wed")).isEqualTo("The closing time must come after the opening time.");
        assertThat(fieldError(page, "hours-mon")).isNull();
        assertThat(page).as("what was typed stays").contains("value=\"18:00\"", "value=\"9\"");
        Inboxes.Rules rules = rules();
        assertThat(rules.restricted()).isFalse();
        assertThat(rules.noAnswerMinutes()).isNull();
        assertThat(rules.week()).isEmpty();
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() throws Exception {
        String page = mvc.perform(save().param("noAnswerMinutes", "0")
                        .param("thu-0-from", "09:00")
                        .param("fri-0-from", "25:00")
                        .param("fri-0-to", "26:00")
                        .param("holidays", "2025-12-31\n31.12.2025")
                        .param("away.tr", "x".repeat(301)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fieldError(page, "noAnswerMinutes"))
                .isEqualTo("Enter a whole number of minutes from 1 to 1440, or leave it empty.");
        assertThat(fieldError(page, "hours-thu")).isEqualTo("Give both an opening and a closing time, or neither.");
        assertThat(fieldError(page, "hours-fri")).isEqualTo("Write times as hours and minutes, such as 09:30.");
        assertThat(fieldError(page, "holidays")).isEqualTo("Write each date as year-month-day, such as 2025-12-31.");
        assertThat(fieldError(page, "away-tr")).isEqualTo("The away text can be at most 300 characters.");
        assertThat(rules().holidays()).isEmpty();
        assertThat(rules().awayText()).isEmpty();
    }

    @Test
    void anotherAccountsAgentsAndTeamsAreNeverStoredAsMembers() throws Exception {
        TeamGroup foreignTeam = teams.create(stranger, "Theirs", Set.of(stranger.agentId()));

        mvc.perform(save().param("restricted", "on")
                        .param("agent", String.valueOf(stranger.agentId().value()))
                        .param("agent", String.valueOf(agent.agentId().value()))
                        .param("team", String.valueOf(foreignTeam.id())))
                .andExpect(redirectedUrl(url));

        assertThat(rules().agents()).containsExactly(agent.agentId());
        assertThat(rules().teams()).isEmpty();
        assertThat(count("inbox_member")).isOne();
    }

    @Test
    void agentsAreRefused() throws Exception {
        mvc.perform(get(url).with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(agent)).with(csrf()).param("restricted", "on"))
                .andExpect(status().isForbidden());

        assertThat(rules().restricted()).isFalse();
    }

    @Test
    void anotherAccountsInboxAnswers404() throws Exception {
        long foreign = inboxOf(stranger);
        String foreignUrl = "/console/settings/inboxes/" + foreign + "/routing";

        mvc.perform(get(foreignUrl).with(as(owner))).andExpect(status().isNotFound());
        mvc.perform(post(foreignUrl).with(as(owner)).with(csrf()).param("restricted", "on"))
                .andExpect(status().isNotFound());

        assertThat(inboxes.rules(stranger.accountId(), foreign).restricted()).isFalse();
    }

    @Test
    void inboxSettingsPageLinksToTheRoutingPage() throws Exception {
        String page = mvc.perform(get("/console/settings/inboxes/" + inbox).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("href=\"" + url + "\"");
    }
}
