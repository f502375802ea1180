package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sohbet.conversation.Availability;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationSettingsIntegrationTests extends SettingsPageTest {

    @Autowired
    Availability availability;

    @Test
    void anAgentChoosesHowEachEventIsAnnounced() throws Exception {
        String page = mvc.perform(get("/console/settings/notifications").with(as(agent)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertAccessible(page);

        mvc.perform(post("/console/settings/notifications")
                        .with(as(agent))
                        .with(csrf())
                        .param("queue", "sound")
                        .param("assigned", "browser")
                        .param("mention", "both")
                        .param("message", "none"))
                .andExpect(redirectedUrl("/console/settings/notifications"));

        assertThat(availability.notifications(agent))
                .isEqualTo(Map.of("queue", "sound", "assigned", "browser", "mention", "both", "message", "none"));
        assertThat(availability.notifications(owner)).as("only the agent's own").containsValue("both");
        assertThat(availability.notifications(owner)).doesNotContainValue("none");
        String saved = mvc.perform(get("/console/settings/notifications").with(as(agent)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(saved)
                        .selectFirst("#notify-message option[selected]")
                        .val())
                .isEqualTo("none");
    }

    @Test
    void anUnknownChoiceIsShownAtItsFieldAndStoresNothing() throws Exception {
        String page = mvc.perform(post("/console/settings/notifications")
                        .with(as(agent))
                        .with(csrf())
                        .param("queue", "none")
                        .param("assigned", "none")
                        .param("mention", "fireworks")
                        .param("message", "none"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fieldError(page, "mention")).isEqualTo("Choose one of the options.");
        assertThat(fieldError(page, "queue")).isNull();
        assertThat(availability.notifications(agent))
                .containsOnly(
                        Map.entry("queue", "both"),
                        Map.entry("assigned", "both"),
                        Map.entry("mention", "both"),
                        Map.entry("message", "both"));
    }
}
