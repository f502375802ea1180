package org.sohbet.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.AttachmentView;
import org.sohbet.conversation.Attachments;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued replies. Each row is locked for the time of its SMTP exchange ({@code for update skip locked}), so a
 * crash rolls the row back to queued and a second worker never takes it meanwhile. A failure waits longer each time
 * (30 s doubling to 2 h, with jitter) and gives up after {@value #MAX_ATTEMPTS} attempts, visible in the mailbox's
 * settings, where an admin can send it again.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    static final int MAX_ATTEMPTS = 10;
    static final int MAX_REFERENCES = 10;

    private final OutboxRepository outbox;
    private final MailboxRepository mailboxes;
    private final Mailboxes api;
    private final EmailRepository emails;
    private final Conversations conversations;
    private final Attachments attachments;
    private final Contacts contacts;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OutboxSender(
            OutboxRepository outbox,
            MailboxRepository mailboxes,
            Mailboxes api,
            EmailRepository emails,
            Conversations conversations,
            Attachments attachments,
            Contacts contacts,
            Accounts accounts,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.api = api;
        this.emails = emails;
        this.conversations = conversations;
        this.attachments = attachments;
        this.contacts = contacts;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Sends up to {@code max} due replies; returns how many rows were handled. */
    int sendDue(int max) {
        int handled = 0;
        while (handled < max && Boolean.TRUE.equals(transactions.execute(status -> sendOne()))) {
            handled++;
        }
        return handled;
    }

    private boolean sendOne() {
        Optional<OutboxRepository.Row> next = outbox.lockNextDue(now());
        if (next.isEmpty()) {
            return false;
        }
        OutboxRepository.Row row = next.get();
        try {
            Prepared prepared = row.isReply() ? prepare(row) : prepareComposed(row);
            deliver(prepared);
            Instant at = now();
            outbox.sent(row.id(), at);
            if (!row.isReply()) {
                // A transcript or a notice is no message of the thread: kept in the outbox row only, so that its
                // subject never becomes the subject later replies answer.
                return true;
            }
            EmailRepository.Stored stored = emails.insertIfAbsent(new EmailRepository.NewMail(
                    row.accountId(),
                    row.inboxId(),
                    "out",
                    MailIntake.hash("id:" + row.messageId()),
                    row.messageId(),
                    "sent",
                    null,
                    prepared.mailbox().address(),
                    prepared.fromName(),
                    prepared.subject(),
                    prepared.text(),
                    null,
                    null,
                    null,
                    0,
                    at));
            emails.settle(stored.id(), "sent", null, row.conversationId(), row.conversationMessageId());
        } catch (Permanent problem) {
            log.info("Reply {} cannot be sent: {}", row.id(), problem.code);
            outbox.failed(row.id(), problem.code);
        } catch (DataAccessException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            String code = MailErrors.code(e);
            int attempts = row.attempts() + 1;
            log.info("Reply {} not sent (attempt {}): {}", row.id(), attempts, e.toString());
            if (attempts >= MAX_ATTEMPTS || code.equals("email.error.rejected")) {
                outbox.failed(row.id(), code);
            } else {
                outbox.retryAt(row.id(), now().plus(backoff(attempts)), code);
            }
        }
        return true;
    }

    static Duration backoff(int attempts) {
        long seconds =
                Math.min(30L << Math.min(attempts - 1, 20), Duration.ofHours(2).toSeconds());
        long jitter = ThreadLocalRandom.current().nextLong(seconds / 5 + 1);
        return Duration.ofSeconds(seconds + jitter);
    }

    record Prepared(
            Mailbox mailbox,
            MimeMessage message,
            String fromName,
            String subject,
            String text,
            String smtpUser,
            String smtpPassword) {

        @Override
        public String toString() {
            return "Prepared[" + mailbox.inboxId() + ", " + subject + "]";
        }
    }

    private Prepared prepare(OutboxRepository.Row row) throws MessagingException, IOException {
        AccountId account = row.accountId();
        Mailbox mailbox = mailboxes.find(row.inboxId()).orElseThrow(() -> new Permanent("email.error.no_mailbox"));
        ConversationId conversationId = new ConversationId(row.conversationId());
        ConversationSummary conversation =
                conversations.find(account, conversationId).orElseThrow(() -> new Permanent("email.error.gone"));
        MessageView reply = conversations.messagesBetween(account, conversationId, row.seq() - 1, row.seq()).stream()
                .filter(m -> m.id() == row.conversationMessageId())
                .findFirst()
                .orElseThrow(() -> new Permanent("email.error.gone"));
        Contact contact = contacts.find(account, conversation.contactId())
                .filter(c -> c.email() != null)
                .orElseThrow(() -> new Permanent("email.error.no_recipient"));
        InternetAddress to;
        try {
            to = new InternetAddress(contact.email(), true);
            to.setPersonal(headerText(contact.name()), "UTF-8");
        } catch (AddressException e) {
            throw new Permanent("email.error.no_recipient");
        }
        Accounts.AccountSummary summary = accounts.find(account).orElseThrow(() -> new Permanent("email.error.gone"));
        Language language = conversations.language(account, conversationId).orElse(summary.defaultLanguage());
        Locale locale = language.locale();
        String subject = headerText(emails.lastSubject(row.conversationId())
                .map(Subjects::reply)
                .orElseGet(() -> messages.getMessage("email.subject.default", new Object[] {summary.name()}, locale)));
        String fromName = headerText(reply.authorName() != null ? reply.authorName() : mailbox.name());

        String text = reply.text() == null ? "" : reply.text();
        if (reply.attachment() != null && text.isEmpty()) {
            text = reply.attachment().name();
        }
        if (!mailbox.signature().isBlank()) {
            // "-- " on a line of its own: mail clients recognise it and fold the signature.
            text = text + "\n\n-- \n" + mailbox.signature();
        }

        MailboxRepository.Passwords passwords = mailboxes.passwords(mailbox.inboxId());
        Session session = MailSessions.smtp(mailbox.smtp());
        MimeMessage message = new StableIdMessage(session, row.messageId());
        InternetAddress from = new InternetAddress(mailbox.address(), true);
        from.setPersonal(fromName, "UTF-8");
        message.setFrom(from);
        message.setReplyTo(new InternetAddress[] {new InternetAddress(mailbox.address(), true)});
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(now()));
        message.setHeader("Content-Language", language.tag());
        Optional<String> inReplyTo = emails.lastInboundId(row.conversationId());
        if (inReplyTo.isPresent()) {
            message.setHeader("In-Reply-To", inReplyTo.get());
        }
        List<String> references = emails.threadIds(row.conversationId(), MAX_REFERENCES);
        if (!references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", references)));
        }
        if (reply.attachment() != null) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file(reply.attachment()));
            message.setContent(mixed);
        } else {
            message.setText(text, "UTF-8");
        }
        message.saveChanges();
        boolean auth = !mailbox.smtp().user().isBlank();
        return new Prepared(
                mailbox,
                message,
                fromName,
                subject,
                text,
                auth ? mailbox.smtp().user() : null,
                auth ? api.password(passwords.smtp()) : null);
    }

    /**
     * A transcript or a notice, rendered when it was queued. It is marked {@code Auto-Submitted: auto-generated}
     * (RFC 3834) so that well-behaved responders do not answer it; a notice also names where to turn it off.
     */
    private Prepared prepareComposed(OutboxRepository.Row row) throws MessagingException, IOException {
        OutboxRepository.Composed composed = row.composed();
        Mailbox mailbox = mailboxes.find(row.inboxId()).orElseThrow(() -> new Permanent("email.error.no_mailbox"));
        if (!mailbox.accountId().equals(row.accountId())) {
            throw new Permanent("email.error.no_mailbox");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(composed.recipient(), true);
            to.setPersonal(headerText(composed.recipientName()), "UTF-8");
        } catch (AddressException e) {
            throw new Permanent("email.error.no_recipient");
        }
        String subject = headerText(composed.subject());
        String fromName = headerText(mailbox.name());
        MailboxRepository.Passwords passwords = mailboxes.passwords(mailbox.inboxId());
        MimeMessage message = new StableIdMessage(MailSessions.smtp(mailbox.smtp()), row.messageId());
        InternetAddress from = new InternetAddress(mailbox.address(), true);
        from.setPersonal(fromName, "UTF-8");
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(now()));
        message.setHeader("Content-Language", composed.language());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (row.kind().equals("notice")) {
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.setText(composed.body(), "UTF-8");
        message.saveChanges();
        boolean auth = !mailbox.smtp().user().isBlank();
        return new Prepared(
                mailbox,
                message,
                fromName,
                subject,
                composed.body(),
                auth ? mailbox.smtp().user() : null,
                auth ? api.password(passwords.smtp()) : null);
    }

    private void deliver(Prepared prepared) throws MessagingException {
        Mailbox.Server smtp = prepared.mailbox().smtp();
        try (Transport transport = prepared.message().getSession().getTransport("smtp")) {
            transport.connect(smtp.host(), smtp.port(), prepared.smtpUser(), prepared.smtpPassword());
            transport.sendMessage(prepared.message(), prepared.message().getAllRecipients());
        }
    }

    private MimeBodyPart file(AttachmentView attachment) throws MessagingException, IOException {
        URI link = URI.create("http://local" + attachment.url());
        String[] path = link.getPath().split("/");
        long id = Long.parseLong(path[path.length - 1]);
        long expires = 0;
        String signature = null;
        for (String pair : link.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("exp")) {
                expires = Long.parseLong(kv[1]);
            } else if (kv[0].equals("sig")) {
                signature = kv[1];
            }
        }
        Attachments.OpenFile open =
                attachments.open(id, expires, signature).orElseThrow(() -> new Permanent("email.error.gone"));
        byte[] bytes;
        try (InputStream in = open.content()) {
            bytes = in.readAllBytes();
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, open.type())));
        part.setFileName(MimeUtility.encodeText(headerText(open.name()), "UTF-8", null));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    /** Text for a header: no control characters, so no CR/LF can start a header of its own. */
    static String headerText(String value) {
        if (value == null) {
            return null;
        }
        String clean =
                value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
        return MailParser.cut(clean, 200);
    }

    private Instant now() {
        return DatabaseTime.truncate(clock.instant());
    }

    /** A failure that retrying cannot fix. */
    static final class Permanent extends RuntimeException {
        final String code;

        Permanent(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /** Keeps the Message-ID we chose, which carries the thread token and makes a resend recognisable. */
    static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
