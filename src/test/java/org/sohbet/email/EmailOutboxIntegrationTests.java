package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.springframework.beans.factory.annotation.Autowired;

class EmailOutboxIntegrationTests extends EmailIntegrationTest {

    @Autowired
    EmailWorkers workers;

    @Autowired
    Outbox outbox;

    @Test
    void smtpDownThenARestartLosesNothingAndSendsNothingTwice() throws Exception {
        deliver(plain(CUSTOMER, "<r1@example.test>", "Help", "", "Anyone there?"));
        fetch();
        ConversationSummary conversation = conversationsOf(owner).getFirst();
        workers.stop();
        try {
            // SMTP is down: three replies queue up and fail their first attempt.
            int down = closedPort();
            mailboxes.update(owner.accountId(), mailbox.inboxId(), form("Support", SUPPORT, down));
            for (int i = 1; i <= 3; i++) {
                conversations.postFromAgent(owner, conversation.id(), "r" + i, "Reply " + i);
            }
            assertThat(sender.sendDue(10)).isEqualTo(3);
            assertThat(jdbc.sql(
                                    "select count(*) from email_outbox where status = 'queued' and attempts = 1 and last_error is not null")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
            assertThat(sender.sendDue(10)).as("not due before the backoff").isZero();
            assertThat(receivedByCustomers()).isEmpty();
        } finally {
            // "Restart": the workers come back as after a new start, with only the database to go on.
            workers.start();
        }
        mailboxes.update(
                owner.accountId(),
                mailbox.inboxId(),
                form("Support", SUPPORT, greenMail.getSmtp().getPort()));
        clock.advance(Duration.ofMinutes(5));
        // Two more senders race the background worker, as other nodes would: skip locked keeps them apart.
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs =
                    List.of(pool.submit(() -> sender.sendDue(10)), pool.submit(() -> sender.sendDue(10)));
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        await(() -> jdbc.sql("select count(*) from email_outbox where status = 'sent'")
                        .query(Integer.class)
                        .single()
                == 3);
        Thread.sleep(300);
        MimeMessage[] received = receivedByCustomers();
        assertThat(received).hasSize(3);
        assertThat(Arrays.stream(received).map(m -> {
                    try {
                        return m.getMessageID();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .doesNotHaveDuplicates();
    }

    @Test
    void privateNotesAndActivitiesNeverLeave() throws Exception {
        deliver(plain(CUSTOMER, "<n1@example.test>", "Question", "", "Hi"));
        fetch();
        ConversationSummary conversation = conversationsOf(owner).getFirst();
        conversations.claim(owner, conversation.id());
        conversations.resolve(owner, conversation.id());
        assertThat(jdbc.sql("select count(*) from email_outbox")
                        .query(Integer.class)
                        .single())
                .isZero();
        // A private note in the mailbox's conversation stays inside.
        conversations.addNote(owner, conversation.id(), "n1", "internal: customer is difficult");
        assertThat(jdbc.sql("select count(*) from email_outbox")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(Outbox.SENT_KINDS)
                .containsExactlyInAnyOrder("text", "attachment")
                .doesNotContain("note");
    }

    @Test
    void aReplyInAWebsiteInboxIsNotMailed(@Autowired Conversations all, @Autowired org.sohbet.contact.Contacts contacts)
            throws Exception {
        long web = jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", owner.accountId().value())
                .query(Long.class)
                .single();
        var visitor = contacts.createAnonymous(owner.accountId(), "Visitor", CUSTOMER);
        var posted = all.postFromContact(owner.accountId(), web, visitor.id(), "v1", "hello from the widget");
        all.postFromAgent(
                owner,
                new org.sohbet.conversation.ConversationId(posted.message().conversationId()),
                "a1",
                "hi");
        assertThat(jdbc.sql("select count(*) from email_outbox")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
