package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sohbet.conversation.Label;
import org.sohbet.conversation.Labels;
import org.springframework.beans.factory.annotation.Autowired;

class LabelSettingsIntegrationTests extends SettingsPageTest {

    @Autowired
    Labels labels;

    @Test
    void ownerCreatesAndDeletesALabel() throws Exception {
        mvc.perform(post("/console/settings/labels")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", " Refund ")
                        .param("color", "#AA3300"))
                .andExpect(redirectedUrl("/console/settings/labels"));

        Label refund = labels.list(owner.accountId()).getFirst();
        assertThat(refund.name()).isEqualTo("Refund");
        assertThat(refund.color()).isEqualTo("#aa3300");
        String page = mvc.perform(get("/console/settings/labels").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Refund", "fill=\"#aa3300\"");
        assertAccessible(page);

        mvc.perform(post("/console/settings/labels/" + refund.id() + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/settings/labels"));
        assertThat(labels.list(owner.accountId())).isEmpty();
    }

    @Test
    void badNameTakenNameAndBadColourAreShownAtTheirFieldsAndStoreNothing() throws Exception {
        String blank = mvc.perform(post("/console/settings/labels")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "")
                        .param("color", "#112233"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(blank, "name")).isEqualTo("Give the label a name of 1 to 40 characters.");

        String colour = mvc.perform(post("/console/settings/labels")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "vip")
                        .param("color", "red; background: url(x)"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(colour, "color")).isEqualTo("Choose a colour.");
        assertThat(fieldError(colour, "name")).isNull();
        assertThat(count("label")).isZero();

        labels.create(owner, "vip", "#112233");
        String taken = mvc.perform(post("/console/settings/labels")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "VIP")
                        .param("color", "#445566"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(taken, "name")).isEqualTo("A label with this name exists already.");
        assertThat(count("label")).isOne();
    }

    @Test
    void agentsAreRefused() throws Exception {
        Label vip = labels.create(owner, "vip", "#112233");

        mvc.perform(get("/console/settings/labels").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/labels")
                        .with(as(agent))
                        .with(csrf())
                        .param("name", "mine"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/labels/" + vip.id() + "/delete")
                        .with(as(agent))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(labels.list(owner.accountId())).containsExactly(vip);
    }

    @Test
    void anotherAccountsLabelAnswers404AndStays() throws Exception {
        Label theirs = labels.create(stranger, "theirs", "#112233");

        mvc.perform(post("/console/settings/labels/" + theirs.id() + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(labels.list(stranger.accountId())).containsExactly(theirs);
        String page = mvc.perform(get("/console/settings/labels").with(as(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("theirs");
    }
}
