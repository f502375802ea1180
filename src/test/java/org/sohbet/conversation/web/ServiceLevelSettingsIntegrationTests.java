package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.conversation.ServiceLevels;
import org.sohbet.conversation.ServiceTarget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ServiceLevelSettingsIntegrationTests extends SettingsPageTest {

    @Autowired
    ServiceLevels serviceLevels;

    long inbox;
    String url;

    @BeforeEach
    void inbox() {
        inbox = inboxOf(owner);
        url = "/console/settings/inboxes/" + inbox + "/service-levels";
    }

    MockHttpServletRequestBuilder save() {
        return post(url).with(as(owner)).with(csrf());
    }

    ServiceLevels.Targets targets() {
        return serviceLevels.targets(owner.accountId(), inbox);
    }

    @Test
    void ownerSetsHoursMinutesAndTheSameBusinessDayAndSeesThemAgain() throws Exception {
        mvc.perform(save().param("firstResponseKind", "hours")
                        .param("firstResponseAmount", "4")
                        .param("resolutionKind", "same_day")
                        .param("resolutionAmount", ""))
                .andExpect(redirectedUrl(url));
        assertThat(targets())
                .isEqualTo(
                        new ServiceLevels.Targets(ServiceTarget.businessMinutes(240), ServiceTarget.sameBusinessDay()));

        String page = mvc.perform(get(url).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var html = Jsoup.parse(page);
        assertThat(html.selectFirst("#firstResponseKind option[selected]").attr("value"))
                .isEqualTo("hours");
        assertThat(html.selectFirst("#firstResponseAmount").attr("value")).isEqualTo("4");
        assertThat(html.selectFirst("#resolutionKind option[selected]").attr("value"))
                .isEqualTo("same_day");
        assertThat(page).as("counted in the account's timezone").contains("Asia/Tehran");
        assertAccessible(page);

        mvc.perform(save().param("firstResponseKind", "minutes")
                        .param("firstResponseAmount", "45")
                        .param("resolutionKind", ""))
                .andExpect(redirectedUrl(url));
        assertThat(targets()).isEqualTo(new ServiceLevels.Targets(ServiceTarget.businessMinutes(45), null));
    }

    @Test
    void badAmountsAndUnknownKindsAreShownAtTheirFieldAndStoreNothing() throws Exception {
        mvc.perform(save().param("firstResponseKind", "same_day")).andExpect(redirectedUrl(url));

        String page = mvc.perform(save().param("firstResponseKind", "hours")
                        .param("firstResponseAmount", "241")
                        .param("resolutionKind", "fortnight")
                        .param("resolutionAmount", "2"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(page, "firstResponse")).isEqualTo("Enter a whole number, from 1 minute up to 240 hours.");
        assertThat(fieldError(page, "resolution")).isEqualTo("Choose one of the targets offered.");
        assertThat(page).as("what was typed stays").contains("value=\"241\"");
        assertThat(targets().firstResponse()).isEqualTo(ServiceTarget.sameBusinessDay());

        for (String amount : new String[] {"0", "-3", "1.5", "", "ten"}) {
            mvc.perform(save().param("firstResponseKind", "minutes").param("firstResponseAmount", amount))
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(targets().firstResponse()).isEqualTo(ServiceTarget.sameBusinessDay());
    }

    @Test
    void agentsAreRefused() throws Exception {
        mvc.perform(get(url).with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post(url)
                        .with(as(agent))
                        .with(csrf())
                        .param("firstResponseKind", "hours")
                        .param("firstResponseAmount", "1"))
                .andExpect(status().isForbidden());
        assertThat(targets().firstResponse()).isNull();
    }

    @Test
    void anotherAccountsInboxAnswers404() throws Exception {
        long foreign = inboxOf(stranger);
        String foreignUrl = "/console/settings/inboxes/" + foreign + "/service-levels";
        mvc.perform(get(foreignUrl).with(as(owner))).andExpect(status().isNotFound());
        mvc.perform(post(foreignUrl)
                        .with(as(owner))
                        .with(csrf())
                        .param("firstResponseKind", "hours")
                        .param("firstResponseAmount", "1"))
                .andExpect(status().isNotFound());
        assertThat(serviceLevels.targets(stranger.accountId(), foreign).firstResponse())
                .isNull();
    }

    @Test
    void routingPageLinksToTheServiceLevels() throws Exception {
        String page = mvc.perform(
                        get("/console/settings/inboxes/" + inbox + "/routing").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("a[href=" + url + "]")).hasSize(1);
    }
}
