package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** The split view's pane: one conversation alone, framed by the console only, and a clear 404 outside the scope. */
class ConversationPaneIntegrationTests extends SettingsPageTest {

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    ConversationSummary arrive(long inbox, String name, String text) {
        var contact = contacts.createAnonymous(owner.accountId(), name, null);
        conversations.postFromContact(
                owner.accountId(), inbox, contact.id(), UUID.randomUUID().toString(), text);
        return conversations.forContact(owner.accountId(), inbox, contact.id()).orElseThrow();
    }

    MockHttpServletResponse pane(ConversationSummary c, org.sohbet.account.SignedInAgent who) throws Exception {
        return mvc.perform(get("/console/conversations/" + c.id().value() + "/pane")
                        .with(as(who)))
                .andReturn()
                .getResponse();
    }

    @Test
    void aPaneShowsTheThreadAndItsReplyBoxWithoutTheConsoleAndMayBeFramedByTheConsoleOnly() throws Exception {
        ConversationSummary c = arrive(inboxOf(owner), "Leyla", "Is the copper pot in stock?");

        MockHttpServletResponse response = pane(c, agent);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("frame-ancestors 'self'", "script-src 'self'")
                .doesNotContain("'none'; frame-ancestors 'none'");
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.body().hasClass("pane-frame")).isTrue();
        assertThat(page.getElementById("conversation").attr("data-id")).isEqualTo(String.valueOf(c.id().value()));
        assertThat(page.getElementById("messages").text()).contains("Is the copper pot in stock?");
        assertThat(page.getElementById("reply").attr("action"))
                .isEqualTo("/console/conversations/" + c.id().value() + "/messages");
        assertThat(page.select("nav.sidebar, #conversation-list"))
                .as("no console around it")
                .isEmpty();
        assertThat(page.select("base").attr("target")).isEqualTo("_top");
        assertThat(page.select("script:not([src])")).isEmpty();

        MockHttpServletResponse console = mvc.perform(
                        get("/console/conversations/" + c.id().value()).with(as(agent)))
                .andReturn()
                .getResponse();
        assertThat(console.getHeader("X-Frame-Options"))
                .as("the console itself is never framed")
                .isEqualTo("DENY");
        Document full = Jsoup.parse(console.getContentAsString());
        assertThat(full.getElementById("workspace").attr("data-main")).isEqualTo(String.valueOf(c.id().value()));
        var openBeside = full.selectFirst("button[data-open-beside]");
        assertThat(openBeside.attr("aria-label")).isEqualTo("Open Leyla beside this conversation");
        assertThat(full.text()).contains("Alt+P moves to the next conversation side by side");
    }

    @Test
    void anotherAccountsConversationAnswers404WithAMessageForThePane() throws Exception {
        ConversationSummary c = arrive(inboxOf(owner), "Leyla", "Hello");

        MockHttpServletResponse response = pane(c, stranger);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Conversation not available");
        assertThat(page.text()).doesNotContain("Hello", "Leyla");
    }

    @Test
    void aConversationOfARestrictedInboxTheAgentDoesNotServeAnswers404() throws Exception {
        long inbox = inboxOf(owner);
        var current = inboxes.rules(owner.accountId(), inbox);
        inboxes.updateRules(
                owner,
                inbox,
                new org.sohbet.conversation.Inboxes.Rules(
                        true,
                        Set.of(owner.agentId()),
                        Set.of(),
                        false,
                        null,
                        current.week(),
                        current.holidays(),
                        Map.of()));
        ConversationSummary c = arrive(inbox, "Leyla", "Private question");

        MockHttpServletResponse refused = pane(c, agent);
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(refused.getContentAsString()).select("h1").text())
                .isEqualTo("Conversation not available");
        assertThat(refused.getContentAsString()).doesNotContain("Private question");
        assertThat(pane(c, owner).getStatus()).isEqualTo(200);
    }
}
