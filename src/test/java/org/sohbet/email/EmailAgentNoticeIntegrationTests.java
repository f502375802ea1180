package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Inboxes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Mail to agents (ADR 0031): assignments, mentions and a daily digest, each chosen and unchosen by the agent. */
class EmailAgentNoticeIntegrationTests extends EmailIntegrationTest {

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Inboxes inboxes;

    @Autowired
    AgentNotices notices;

    long web;
    SignedInAgent sara;
    String saraEmail;

    @BeforeEach
    void agents() {
        web = jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", owner.accountId().value())
                .query(Long.class)
                .single();
        saraEmail = "sara@agents" + owner.accountId().value() + ".test";
        sara = invitations.accept(
                invitations.invite(owner, saraEmail, Role.AGENT).token(), "Sara", "correct horse battery");
    }

    RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }

    MimeMessage[] mailTo(String address) {
        return greenMail.getReceivedMessagesForDomain(address);
    }

    void choose(SignedInAgent agent, String... boxes) throws Exception {
        var request = post("/console/email/notifications").with(as(agent)).with(csrf());
        for (String box : boxes) {
            request = request.param(box, "true");
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    ConversationId chat(long inbox, String name, String text) {
        Contact contact = contacts.createAnonymous(owner.accountId(), name, null);
        return new ConversationId(conversations
                .postFromContact(owner.accountId(), inbox, contact.id(), "c-" + name.hashCode(), text)
                .message()
                .conversationId());
    }

    int notices() {
        return jdbc.sql("select count(*) from email_outbox where kind = 'notice'")
                .query(Integer.class)
                .single();
    }

    @Test
    void anAgentWhoChoseItIsMailedAssignmentsAndMentionsWithNoHeaderInjected() throws Exception {
        Document page =
                Jsoup.parse(mvc.perform(get("/console/email/notifications").with(as(sara)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("input[type=checkbox][checked]")).isEmpty();
        assertThat(page.select("label:has(input[name=digest])").text()).contains("daily digest");
        choose(sara, "assigned", "mentions");

        ConversationId id = chat(web, "Eve\r\nBcc: evil@example.test", "Where is my order?");
        conversations.assign(owner, id, sara.agentId(), null, null);
        await(() -> mailTo(saraEmail).length == 1);
        MimeMessage assigned = mailTo(saraEmail)[0];
        assertThat(assigned.getSubject())
                .startsWith("Conversation #" + id.value() + " assigned to you: Eve")
                .doesNotContain("\n")
                .doesNotContain("\r");
        assertThat(assigned.getHeader("Bcc")).isNull();
        assertThat(assigned.getAllRecipients()).hasSize(1);
        assertThat(assigned.getFrom()[0].toString()).contains(SUPPORT);
        assertThat(assigned.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(tokens.read(assigned.getMessageID())).isEmpty();
        String body = (String) assigned.getContent();
        assertThat(body)
                .contains("Where is my order?", "/console/conversations/" + id.value())
                .contains("/console/email/notifications");

        conversations.addNote(owner, id, "n1", "@Sara can you check the courier?");
        await(() -> mailTo(saraEmail).length == 2);
        MimeMessage mention = mailTo(saraEmail)[1];
        assertThat(mention.getSubject()).isEqualTo("Ali mentioned you in conversation #" + id.value());
        assertThat((String) mention.getContent()).contains("can you check the courier?");

        // The owner chose nothing and gets nothing; nobody outside gets anything.
        ConversationId second = chat(web, "Omar", "Hello");
        conversations.assign(sara, second, owner.agentId(), null, null);
        Thread.sleep(300);
        assertThat(mailTo("ali@shop.test")).isEmpty();
        assertThat(mailTo("evil@example.test")).isEmpty();

        // Unticking everything on the page stops the mail.
        choose(sara);
        conversations.assign(owner, second, sara.agentId(), null, null);
        Thread.sleep(300);
        assertThat(notices()).isEqualTo(2);
    }

    @Test
    void anAgentIsNotMailedAboutAConversationTheyCannotSee() throws Exception {
        choose(sara, "assigned", "mentions");
        Inboxes.Rules rules = inboxes.rules(owner.accountId(), mailbox.inboxId());
        inboxes.updateRules(
                owner,
                mailbox.inboxId(),
                new Inboxes.Rules(
                        true,
                        Set.of(owner.agentId()),
                        Set.of(),
                        rules.autoAssign(),
                        rules.noAnswerMinutes(),
                        rules.week(),
                        rules.holidays(),
                        Map.of()));
        ConversationId hidden = chat(mailbox.inboxId(), "Nadia", "Private matter");
        conversations.addNote(owner, hidden, "n1", "@Sara see this?");
        Thread.sleep(300);
        assertThat(notices()).isZero();
    }

    @Test
    void theDailyDigestListsOnlyUnansweredConversationsInTheAgentsScopeOncePerDay() throws Exception {
        choose(sara, "digest");
        Inboxes.Rules rules = inboxes.rules(owner.accountId(), mailbox.inboxId());
        inboxes.updateRules(
                owner,
                mailbox.inboxId(),
                new Inboxes.Rules(
                        true,
                        Set.of(owner.agentId()),
                        Set.of(),
                        rules.autoAssign(),
                        rules.noAnswerMinutes(),
                        rules.week(),
                        rules.holidays(),
                        Map.of()));
        ConversationId waiting = chat(web, "Ada", "Is the shop open on Sunday?");
        ConversationId answered = chat(web, "Ben", "Do you gift wrap?");
        conversations.postFromAgent(owner, answered, "a1", "Yes, for free.");
        ConversationId elsewhere = chat(mailbox.inboxId(), "Cem", "Restricted question");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant early = today.atTime(6, 0).toInstant(ZoneOffset.UTC);
        Instant morning = today.atTime(9, 0).toInstant(ZoneOffset.UTC);
        assertThat(notices.sendDigests(early)).isZero();
        assertThat(notices.sendDigests(morning)).isEqualTo(1);
        assertThat(notices.sendDigests(morning.plusSeconds(3600))).isZero();
        await(() -> mailTo(saraEmail).length == 1);
        MimeMessage digest = mailTo(saraEmail)[0];
        assertThat(digest.getSubject()).isEqualTo("Unanswered conversations: 1");
        String body = (String) digest.getContent();
        assertThat(body)
                .contains("#" + waiting.value() + " · Ada", "Is the shop open on Sunday?")
                .doesNotContain("#" + answered.value() + " ")
                .doesNotContain("Restricted question")
                .doesNotContain("#" + elsewhere.value() + " ");

        // The next day brings the next digest.
        assertThat(notices.sendDigests(morning.plusSeconds(86_400))).isEqualTo(1);
    }
}
