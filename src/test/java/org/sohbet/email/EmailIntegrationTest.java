package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Email against a real SMTP and IMAP server (GreenMail, in this JVM on free ports of 127.0.0.1) and a real
 * PostgreSQL. The workers run as in production; tests fetch by hand where they need to know a fetch has happened.
 */
abstract class EmailIntegrationTest extends PostgresIntegrationTest {

    static final String SUPPORT = "support@shop.test";
    static final String CUSTOMER = "customer@example.test";

    static GreenMail greenMail;

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailFetcher fetcher;

    @Autowired
    OutboxSender sender;

    @Autowired
    Conversations conversations;

    @Autowired
    MessageIdTokens tokens;

    SignedInAgent owner;
    SignedInAgent other;
    Mailbox mailbox;
    GreenMailUser support;

    @BeforeAll
    static void startMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @BeforeEach
    void mailboxAndAccounts() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        support = greenMail.setUser(SUPPORT, "support", "imap secret");
        greenMail.setUser(CUSTOMER, "customer", "customer secret");
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        other = setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other", "Bea", "bea@other.test", "correct horse battery", null, ZoneId.of("UTC")));
        mailbox = mailboxes.create(
                owner.accountId(), form("Support", SUPPORT, greenMail.getSmtp().getPort()));
    }

    static MailboxForm form(String name, String address, int smtpPort) {
        return new MailboxForm(
                name,
                address,
                "127.0.0.1",
                greenMail.getImap().getPort(),
                Mailbox.Security.NONE,
                "support",
                "imap secret",
                "127.0.0.1",
                smtpPort,
                Mailbox.Security.NONE,
                "",
                "",
                "Bazaar support team",
                true);
    }

    /** Puts a raw mail into the support mailbox, as if it had arrived. */
    void deliver(String raw) throws Exception {
        deliver(raw.getBytes(StandardCharsets.UTF_8));
    }

    void deliver(byte[] raw) throws Exception {
        support.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    static String plain(String from, String messageId, String subject, String extraHeaders, String body) {
        return "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Mon, 3 Mar 2025 10:00:00 +0000\r\n" + extraHeaders
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
    }

    void fetch() {
        fetcher.fetch(mailbox.inboxId());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.sohbet.conversation.ConversationViews views;

    /** Every conversation the agent sees, in every status, most recent first. */
    List<ConversationSummary> conversationsOf(SignedInAgent agent) {
        List<ConversationSummary> all = new java.util.ArrayList<>();
        for (org.sohbet.conversation.ConversationStatus status : org.sohbet.conversation.ConversationStatus.values()) {
            all.addAll(views.list(
                            agent,
                            new org.sohbet.conversation.ConversationViews.Query(
                                    org.sohbet.conversation.ConversationViews.View.ALL, null, status, null, null, null))
                    .rows());
        }
        all.sort(java.util.Comparator.comparing(ConversationSummary::updatedAt)
                .thenComparing(c -> c.id().value())
                .reversed());
        return all;
    }

    List<MessageView> messages(ConversationId id) {
        return conversations.messagesAfter(owner.accountId(), id, 0);
    }

    MimeMessage[] receivedByCustomers() {
        return greenMail.getReceivedMessagesForDomain("example.test");
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String statusOfMail(String messageId) {
        return jdbc.sql("select status || coalesce(':' || reason, '') from email_message where message_id = :id")
                .param("id", messageId)
                .query(String.class)
                .single();
    }

    static void assertNoHeaderNamed(MimeMessage message, String name) throws Exception {
        assertThat(message.getHeader(name)).isNull();
    }
}
