package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationFeed;
import org.sohbet.conversation.ConversationFeeds;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

/** Live chat and email as one conversation (ADR 0028): a visitor who left gets the agent's replies by mail. */
class EmailAwayContactIntegrationTests extends EmailIntegrationTest {

    @Autowired
    Contacts contacts;

    @Autowired
    ConversationFeeds feeds;

    long web;

    @BeforeEach
    void websiteInbox() {
        web = jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", owner.accountId().value())
                .query(Long.class)
                .single();
    }

    @Test
    void aVisitorWhoLeftGetsTheReplyByMailAndTheirMailedAnswerLandsInTheSameConversation() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        Contact visitor = contacts.createAnonymous(owner.accountId(), "Vera", CUSTOMER);
        var posted = conversations.leaveMessage(owner.accountId(), web, visitor.id(), "v1", "Is the blue one back?");
        ConversationId id = new ConversationId(posted.message().conversationId());

        conversations.postFromAgent(owner, id, "a1", "Yes, since Monday.");
        await(() -> receivedByCustomers().length == 1);
        MimeMessage mail = receivedByCustomers()[0];
        assertThat(mail.getFrom()[0].toString()).contains(SUPPORT);
        assertThat(((String) mail.getContent()).strip()).startsWith("Yes, since Monday.");
        String ours = mail.getMessageID();

        deliver(plain(
                CUSTOMER,
                "<back1@example.test>",
                "Re: " + mail.getSubject(),
                "In-Reply-To: " + ours + "\r\n",
                "Great, I will order it.\r\n\r\n> Yes, since Monday."));
        fetch();
        assertThat(messages(id))
                .anySatisfy(m -> assertThat(m.text()).isNotNull().startsWith("Great, I will order it."));
        assertThat(conversationsOf(owner)).hasSize(1);

        // The visitor comes back: the widget's feed catches up with the mailed answer.
        List<String> frames = new CopyOnWriteArrayList<>();
        try (ConversationFeed feed = feeds.openForContact(owner.accountId(), id, 0, frames::add, e -> true)) {
            assertThat(feeds.contactConnected(id)).isTrue();
            assertThat(String.join("\n", frames)).contains("Great, I will order it.", "Yes, since Monday.");
        }
        assertThat(feeds.contactConnected(id)).isFalse();
    }

    @Test
    void theMailedReplyIsInTheLanguageTheVisitorWroteIn() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        Contact visitor = contacts.createAnonymous(owner.accountId(), "Deniz", CUSTOMER);
        var posted = conversations.leaveMessage(owner.accountId(), web, visitor.id(), "v1", "Mavi olan geldi mi?");
        ConversationId id = new ConversationId(posted.message().conversationId());
        conversations.noteLanguage(owner.accountId(), id, Language.TURKISH);

        conversations.postFromAgent(owner, id, "a1", "Evet, pazartesiden beri.");
        await(() -> receivedByCustomers().length == 1);

        MimeMessage mail = receivedByCustomers()[0];
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("tr");
        assertThat(mail.getSubject()).endsWith("mağazasına mesajınız");
    }

    @Test
    void aVisitorStillOnTheSiteOrWithoutEmailGetsNoMail() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        Contact present = contacts.createAnonymous(owner.accountId(), "Vera", CUSTOMER);
        var first = conversations.postFromContact(owner.accountId(), web, present.id(), "v1", "hello");
        ConversationId id = new ConversationId(first.message().conversationId());
        try (ConversationFeed feed = feeds.openForContact(owner.accountId(), id, 0, frame -> {}, e -> true)) {
            conversations.postFromAgent(owner, id, "a1", "Hi, I am here.");
        }
        Contact noEmail = contacts.createAnonymous(owner.accountId(), "Nameless", null);
        var second = conversations.postFromContact(owner.accountId(), web, noEmail.id(), "v2", "hello");
        conversations.postFromAgent(owner, new ConversationId(second.message().conversationId()), "a2", "Hi there.");
        assertThat(jdbc.sql("select count(*) from email_outbox")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theSenderIsSetOnlyWithinTheAccount() {
        long otherWeb = jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", other.accountId().value())
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> mailboxes.setReplySender(other.accountId(), otherWeb, mailbox.inboxId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mailboxes.setReplySender(owner.accountId(), otherWeb, mailbox.inboxId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mailboxes.setReplySender(owner.accountId(), mailbox.inboxId(), mailbox.inboxId()))
                .isInstanceOf(Mailboxes.MailboxProblem.class);
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        assertThat(mailboxes.replySender(owner.accountId(), web)).isPresent();
        mailboxes.setReplySender(owner.accountId(), web, null);
        assertThat(mailboxes.replySender(owner.accountId(), web)).isEmpty();
    }
}
