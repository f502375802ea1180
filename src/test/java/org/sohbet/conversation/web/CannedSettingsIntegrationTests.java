package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sohbet.conversation.CannedResponses;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

class CannedSettingsIntegrationTests extends SettingsPageTest {

    static final String TEMPLATE_LOOKALIKES = "Hi {{contact.name}}, {{7*7}} ${7*7} [[${7*7}]] #{app.name} <b>bold</b>";

    @Autowired
    CannedResponses canned;

    @Test
    void ownerAddsAReplyAndSavingTheSameShortcutAndLanguageReplacesIt() throws Exception {
        mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "/Thanks")
                        .param("language", "tr")
                        .param("body", "Teşekkürler {{contact.name}}!"))
                .andExpect(redirectedUrl("/console/settings/replies"));
        mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "thanks")
                        .param("language", "tr")
                        .param("body", "Çok teşekkürler, {{agent.name}}"))
                .andExpect(redirectedUrl("/console/settings/replies"));

        assertThat(canned.list(owner.accountId())).singleElement().satisfies(c -> {
            assertThat(c.shortcut()).isEqualTo("thanks");
            assertThat(c.language()).isEqualTo(Language.TURKISH);
            assertThat(c.body()).isEqualTo("Çok teşekkürler, {{agent.name}}");
        });
        String page = mvc.perform(get("/console/settings/replies").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/thanks", "{{contact.name}}", "{{agent.name}}");
        assertAccessible(page);
    }

    @Test
    void templateLookalikesAreStoredAndShownLiterally() throws Exception {
        mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "tricky")
                        .param("language", "en")
                        .param("body", TEMPLATE_LOOKALIKES))
                .andExpect(redirectedUrl("/console/settings/replies"));

        assertThat(canned.list(owner.accountId()).getFirst().body()).isEqualTo(TEMPLATE_LOOKALIKES);
        long id = canned.list(owner.accountId()).getFirst().id();
        String list = mvc.perform(get("/console/settings/replies").with(as(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(list)
                        .selectFirst("#reply-" + id + " .reply-body")
                        .text())
                .isEqualTo(TEMPLATE_LOOKALIKES);
        assertThat(list).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");

        String edit = mvc.perform(get("/console/settings/replies")
                        .param("edit", String.valueOf(id))
                        .with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(edit).getElementById("reply-body").text()).isEqualTo(TEMPLATE_LOOKALIKES);
    }

    @Test
    void badShortcutEmptyTextAndUnknownLanguageAreShownAtTheirFieldsAndStoreNothing() throws Exception {
        String shortcut = mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "two words")
                        .param("language", "en")
                        .param("body", "Hello"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(shortcut, "shortcut")).isEqualTo("A shortcut is 1 to 32 letters, digits, - or _.");
        assertThat(shortcut).contains("value=\"two words\"");

        String body = mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "hello")
                        .param("language", "en")
                        .param("body", "   "))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(body, "body")).isEqualTo("Write a text of 1 to 5,000 characters.");

        String language = mvc.perform(post("/console/settings/replies")
                        .with(as(owner))
                        .with(csrf())
                        .param("shortcut", "hello")
                        .param("language", "de")
                        .param("body", "Hallo"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fieldError(language, "language")).isEqualTo("Choose one of the options.");

        assertThat(count("canned_response")).isZero();
    }

    @Test
    void agentsAreRefused() throws Exception {
        var reply = canned.save(owner, "hi", Language.ENGLISH, "Hello");

        mvc.perform(get("/console/settings/replies").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/replies")
                        .with(as(agent))
                        .with(csrf())
                        .param("shortcut", "hi")
                        .param("language", "en")
                        .param("body", "Changed"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/settings/replies/" + reply.id() + "/delete")
                        .with(as(agent))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(canned.list(owner.accountId())).containsExactly(reply);
    }

    @Test
    void anotherAccountsReplyAnswers404AndStays() throws Exception {
        var theirs = canned.save(stranger, "secret", Language.ENGLISH, "Their text");

        mvc.perform(get("/console/settings/replies")
                        .param("edit", String.valueOf(theirs.id()))
                        .with(as(owner)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/settings/replies/" + theirs.id() + "/delete")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(canned.list(stranger.accountId())).containsExactly(theirs);
    }
}
