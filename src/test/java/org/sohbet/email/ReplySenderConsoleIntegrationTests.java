package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console page that chooses which mailbox mails a website inbox's replies to visitors who left (ADR 28). */
class ReplySenderConsoleIntegrationTests extends EmailIntegrationTest {

    @Autowired
    Invitations invitations;

    long web;
    String url;
    Mailbox theirs;

    @BeforeEach
    void websiteInbox() {
        web = webInboxOf(owner);
        url = "/console/settings/inboxes/" + web + "/reply-sender";
        theirs = mailboxes.create(
                other.accountId(),
                form("Theirs", "help@other.test", greenMail.getSmtp().getPort()));
    }

    long webInboxOf(SignedInAgent who) {
        return jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", who.accountId().value())
                .query(Long.class)
                .single();
    }

    RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void anAdminChoosesTheMailboxFromASelectOfTheAccountsOwnAndTurnsItOffAgain() throws Exception {
        Document blank = page(url);
        assertThat(blank.select("select#mailbox option").eachAttr("value"))
                .as("no mailing, or one of this account's mailboxes; never another account's")
                .containsExactly("", String.valueOf(mailbox.inboxId()));
        assertThat(blank.selectFirst("label[for=mailbox]").text()).isEqualTo("Mail replies from");
        assertThat(blank.select("select#mailbox option[selected]")).isEmpty();

        mvc.perform(post(url).with(as(owner)).with(csrf()).param("mailbox", String.valueOf(mailbox.inboxId())))
                .andExpect(redirectedUrl(url));
        assertThat(mailboxes.replySender(owner.accountId(), web))
                .map(Mailbox::inboxId)
                .contains(mailbox.inboxId());
        assertThat(page(url).selectFirst("select#mailbox option[selected]").attr("value"))
                .isEqualTo(String.valueOf(mailbox.inboxId()));

        mvc.perform(post(url).with(as(owner)).with(csrf()).param("mailbox", "")).andExpect(redirectedUrl(url));
        assertThat(mailboxes.replySender(owner.accountId(), web)).isEmpty();
    }

    @Test
    void anotherAccountsMailboxOrInboxAnswers404AndChangesNothing() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());

        mvc.perform(post(url).with(as(owner)).with(csrf()).param("mailbox", String.valueOf(theirs.inboxId())))
                .andExpect(status().isNotFound());
        assertThat(mailboxes.replySender(owner.accountId(), web))
                .map(Mailbox::inboxId)
                .contains(mailbox.inboxId());

        String foreign = "/console/settings/inboxes/" + webInboxOf(other) + "/reply-sender";
        mvc.perform(get(foreign).with(as(owner))).andExpect(status().isNotFound());
        mvc.perform(post(foreign).with(as(owner)).with(csrf()).param("mailbox", String.valueOf(mailbox.inboxId())))
                .andExpect(status().isNotFound());
        assertThat(mailboxes.replySender(other.accountId(), webInboxOf(other))).isEmpty();
    }

    @Test
    void aValueThatIsNoIdOrAMailboxAsItsOwnSenderIsRefusedWithAMessage() throws Exception {
        String page = mvc.perform(post(url).with(as(owner)).with(csrf()).param("mailbox", "1 or 1=1"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("[role=alert]").text()).isEqualTo("Choose one of the mailboxes offered.");

        String mailboxPage = "/console/settings/inboxes/" + mailbox.inboxId() + "/reply-sender";
        assertThat(page(mailboxPage).select("select#mailbox"))
                .as("a mailbox mails its own replies")
                .isEmpty();
        mvc.perform(post(mailboxPage).with(as(owner)).with(csrf()).param("mailbox", String.valueOf(mailbox.inboxId())))
                .andExpect(status().isUnprocessableContent());
        assertThat(mailboxes.replySender(owner.accountId(), mailbox.inboxId())).isEmpty();
        assertThat(mailboxes.replySender(owner.accountId(), web)).isEmpty();
    }

    @Test
    void agentsAreRefused() throws Exception {
        var invitation = invitations.invite(owner, "sara@shop.test", Role.AGENT);
        SignedInAgent sara = invitations.accept(invitation.token(), "Sara", "correct horse battery");
        mvc.perform(get(url).with(as(sara))).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(sara)).with(csrf()).param("mailbox", String.valueOf(mailbox.inboxId())))
                .andExpect(status().isForbidden());
        assertThat(mailboxes.replySender(owner.accountId(), web)).isEmpty();
    }

    @Test
    void theWebsiteInboxSettingsLinkToThePage() throws Exception {
        assertThat(page("/console/settings/inboxes/" + web).select("a[href=" + url + "]"))
                .hasSize(1);
    }
}
