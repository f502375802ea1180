package org.sohbet.email;

import jakarta.mail.internet.InternetHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.ContactId;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a fetched mail into a conversation message, exactly once. The mail is first stored under the hash of its
 * Message-ID (unique per account), then posted with a client id made from the same hash, then marked posted: a crash
 * between the steps makes the next fetch post again, which the conversation module answers with the stored message.
 */
@Component
class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** More mails than this from one sender in an hour are kept but not posted (RFC 3834, section 2). */
    static final int MAX_PER_SENDER_HOUR = 30;

    static final int MAX_TEXT = 10_000;
    static final int MAX_FILE = 10 * 1024 * 1024;

    enum Outcome {
        POSTED,
        DUPLICATE,
        IGNORED,
        REJECTED,
        FAILED
    }

    private final EmailRepository repository;
    private final MailboxRepository mailboxes;
    private final MailFiles files;
    private final Conversations conversations;
    private final Contacts contacts;
    private final Accounts accounts;
    private final MessageIdTokens tokens;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    private final AutoMailRepository autoMail;

    MailIntake(
            EmailRepository repository,
            MailboxRepository mailboxes,
            MailFiles files,
            Conversations conversations,
            Contacts contacts,
            Accounts accounts,
            MessageIdTokens tokens,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactionManager,
            AutoMailRepository autoMail) {
        this.autoMail = autoMail;
        this.repository = repository;
        this.mailboxes = mailboxes;
        this.files = files;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Outcome accept(Mailbox mailbox, byte[] raw) {
        ParsedMail mail = MailParser.parse(raw);
        String identity = mail.messageId() != null ? "id:" + mail.messageId() : "raw:" + digest(raw);
        return take(mailbox, mail, identity, raw, raw.length);
    }

    /** A mail too large to download: its headers become a message that says so. */
    Outcome acceptTooLarge(Mailbox mailbox, InternetHeaders headers, long size) {
        ParsedMail mail = MailParser.headersOnly(headers, new ArrayList<>(List.of("too_large")));
        String identity = mail.messageId() != null
                ? "id:" + mail.messageId()
                : "large:"
                        + digest((mail.fromAddress() + "|" + mail.subject() + "|" + mail.sentAt() + "|" + size)
                                .getBytes(StandardCharsets.UTF_8));
        return take(mailbox, mail, identity, null, size);
    }

    /** A mail the server could not give us; kept as a failed row so it shows, and so fetching moves on. */
    void unreadable(Mailbox mailbox, long uidValidity, long uid, Exception failure) {
        String identity = "uid:" + mailbox.inboxId() + ":" + uidValidity + ":" + uid;
        repository.insertIfAbsent(new EmailRepository.NewMail(
                mailbox.accountId(),
                mailbox.inboxId(),
                "in",
                hash(identity),
                "<" + identity + ">",
                "failed",
                MailErrors.code(failure),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                now()));
    }

    private Outcome take(Mailbox mailbox, ParsedMail mail, String identity, byte[] raw, long size) {
        AccountId account = mailbox.accountId();
        String hash = hash(identity);
        Optional<EmailRepository.Stored> existing = repository.find(account, hash);
        if (existing.isPresent() && !existing.get().status().equals("received")) {
            return Outcome.DUPLICATE;
        }
        long emailId = existing.isPresent() ? existing.get().id() : store(mailbox, mail, hash, raw, size);
        if (emailId < 0) {
            return Outcome.DUPLICATE;
        }
        try {
            return decide(mailbox, mail, hash, emailId);
        } catch (ConversationProblem problem) {
            repository.settle(emailId, "failed", "conversation_" + problem.code(), null, null);
            return Outcome.FAILED;
        }
    }

    private long store(Mailbox mailbox, ParsedMail mail, String hash, byte[] raw, long size) {
        AccountId account = mailbox.accountId();
        String rawKey = raw == null ? null : files.store(account, raw);
        List<String> partKeys = new ArrayList<>();
        for (ParsedMail.Part part : mail.parts()) {
            partKeys.add(files.store(account, part.content()));
        }
        String text = text(mail);
        Integer quotedFrom = Quotes.start(text) < 0 ? null : Quotes.start(text);
        String notes = mail.notes().isEmpty() ? null : MailParser.cut(String.join(",", mail.notes()), 200);
        EmailRepository.Stored stored = transactions.execute(status -> {
            EmailRepository.Stored row = repository.insertIfAbsent(new EmailRepository.NewMail(
                    account,
                    mailbox.inboxId(),
                    "in",
                    hash,
                    mail.messageId() == null ? "<" + hash + "@sohbet.invalid>" : mail.messageId(),
                    "received",
                    notes,
                    mail.fromLower(),
                    mail.fromName(),
                    mail.subject(),
                    text,
                    MailHtml.sanitize(mail.html()),
                    quotedFrom,
                    rawKey,
                    size,
                    now()));
            if (row.created()) {
                for (int i = 0; i < mail.parts().size(); i++) {
                    repository.insertPart(account, row.id(), mail.parts().get(i), partKeys.get(i));
                }
            }
            return row;
        });
        return stored.created() || stored.status().equals("received") ? stored.id() : -1;
    }

    private Outcome decide(Mailbox mailbox, ParsedMail mail, String hash, long emailId) {
        AccountId account = mailbox.accountId();
        String from = mail.fromLower();
        if (from == null) {
            repository.settle(emailId, "failed", "no_sender", null, null);
            return Outcome.FAILED;
        }
        autoMail.sawSender(account, from, mail.automation().noAutoReply(), now());
        if (mail.automation().automatic()) {
            repository.settle(emailId, "ignored", "automatic", null, null);
            return Outcome.IGNORED;
        }
        if (mailboxes.isOwnAddress(from)) {
            repository.settle(emailId, "ignored", "own_address", null, null);
            return Outcome.IGNORED;
        }
        String clientId = "email-" + hash.substring(0, 40);
        Optional<AgentId> agent = accounts.agentByEmail(account, from);
        if (agent.isPresent()) {
            return fromAgent(account, agent.get(), mail, clientId, emailId);
        }
        Instant hour = now().truncatedTo(ChronoUnit.HOURS);
        if (repository.countSender(account, from, hour) > MAX_PER_SENDER_HOUR) {
            repository.settle(emailId, "rejected", "rate_limited", null, null);
            return Outcome.REJECTED;
        }
        Target target = thread(account, mailbox, mail);
        Locale locale = locale(account);
        String body = body(account, target, mail, locale);
        var posted = conversations.postFromContact(account, target.inboxId(), target.contact(), clientId, body);
        int index = 0;
        for (ParsedMail.Part part : mail.parts()) {
            index++;
            if (part.inline() || part.content().length > MAX_FILE || part.content().length == 0) {
                continue;
            }
            try {
                conversations.postFileFromContact(
                        account,
                        target.inboxId(),
                        target.contact(),
                        clientId + "-" + index,
                        part.fileName(),
                        part.content());
            } catch (ConversationProblem refused) {
                // A type the conversation does not show (zip, docx, …): it stays in the email view.
                log.debug("Attachment {} of mail {} kept in the email view only: {}", index, emailId, refused.code());
            }
        }
        repository.settle(
                emailId,
                "posted",
                null,
                posted.message().conversationId(),
                posted.message().id());
        return Outcome.POSTED;
    }

    /**
     * Mail from an agent's address acts as that agent only with a token made for that agent, in a conversation of
     * the account, while the agent may act there. Anything else is refused: headers are easy to forge.
     */
    private Outcome fromAgent(AccountId account, AgentId agent, ParsedMail mail, String clientId, long emailId) {
        Optional<MessageIdTokens.Token> token = mail.threadIds().stream()
                .map(tokens::read)
                .flatMap(Optional::stream)
                .filter(t -> t.agentId() != null && t.agentId() == agent.value())
                .findFirst();
        Optional<SignedInAgent> acting = accounts.actingAs(account, agent);
        if (token.isEmpty() || acting.isEmpty()) {
            repository.settle(emailId, "rejected", "agent_unauthenticated", null, null);
            return Outcome.REJECTED;
        }
        ConversationId conversation = new ConversationId(token.get().conversationId());
        if (conversations.find(account, conversation).isEmpty()) {
            repository.settle(emailId, "rejected", "agent_unauthenticated", null, null);
            return Outcome.REJECTED;
        }
        String text = Quotes.fresh(text(mail));
        if (text.isBlank()) {
            repository.settle(emailId, "ignored", "empty", conversation.value(), null);
            return Outcome.IGNORED;
        }
        Conversations.Posted posted;
        try {
            // The agent must still serve the conversation's inbox and team (Access), as in the console.
            posted = conversations.postFromAgent(acting.get(), conversation, clientId, cut(text, MAX_TEXT));
        } catch (NotFoundException notTheirs) {
            repository.settle(emailId, "rejected", "agent_unauthenticated", null, null);
            return Outcome.REJECTED;
        }
        repository.settle(
                emailId, "posted", null, conversation.value(), posted.message().id());
        return Outcome.POSTED;
    }

    record Target(long inboxId, ContactId contact) {}

    /**
     * The conversation a mail belongs to. A reference (our signed token, or a Message-ID we stored) joins a thread only
     * when the sender is that conversation's contact; a subject is never looked at, so "Re: your order" from a
     * stranger starts the stranger's own conversation.
     */
    Target thread(AccountId account, Mailbox mailbox, ParsedMail mail) {
        String from = mail.fromLower();
        for (String id : mail.threadIds()) {
            Optional<Long> conversationId = tokens.read(id)
                    .map(MessageIdTokens.Token::conversationId)
                    .or(() -> repository.conversationOf(account, hash("id:" + id)));
            if (conversationId.isEmpty()) {
                continue;
            }
            Optional<ConversationSummary> conversation =
                    conversations.find(account, new ConversationId(conversationId.get()));
            if (conversation.isEmpty()) {
                continue;
            }
            Optional<Contact> owner = contacts.find(account, conversation.get().contactId());
            if (owner.isPresent() && from.equalsIgnoreCase(owner.get().email())) {
                return new Target(conversation.get().inboxId(), owner.get().id());
            }
        }
        Contact contact = contacts.byEmail(account, from)
                .orElseGet(() -> contacts.createAnonymous(account, mail.fromName(), from));
        return new Target(mailbox.inboxId(), contact.id());
    }

    private String body(AccountId account, Target target, ParsedMail mail, Locale locale) {
        StringBuilder body = new StringBuilder();
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        if (!subject.isEmpty()) {
            Optional<String> previous = conversations
                    .forContact(account, target.inboxId(), target.contact())
                    .flatMap(c -> repository.lastSubject(c.id().value()));
            if (previous.isEmpty() || !Subjects.sameThread(previous.get(), subject)) {
                body.append(subject).append("\n\n");
            }
        }
        String fresh = Quotes.fresh(text(mail)).strip();
        body.append(
                fresh.isEmpty() && mail.parts().isEmpty() && mail.notes().isEmpty() ? note("empty", locale) : fresh);
        StringBuilder notes = new StringBuilder();
        for (String note : mail.notes()) {
            notes.append("\n\n⚠ ").append(note(note, locale));
        }
        String text = body.toString().strip();
        if (text.isEmpty()) {
            text = note("attachments_only", locale);
        }
        String suffix = notes.toString();
        int room = MAX_TEXT - suffix.length() - 200;
        if (text.codePointCount(0, text.length()) > room) {
            text = cut(text, room) + "…\n\n" + note("cut", locale);
        }
        return text + suffix;
    }

    private String note(String code, Locale locale) {
        return messages.getMessage("email.note." + code, null, "email.note." + code, locale);
    }

    private Locale locale(AccountId account) {
        return accounts.find(account)
                .map(Accounts.AccountSummary::defaultLanguage)
                .orElse(Language.DEFAULT)
                .locale();
    }

    private static String text(ParsedMail mail) {
        if (mail.text() != null && !mail.text().isBlank()) {
            return mail.text();
        }
        return MailHtml.toText(mail.html());
    }

    static String cut(String text, int max) {
        return MailParser.cut(text, max);
    }

    private Instant now() {
        return DatabaseTime.truncate(clock.instant());
    }

    /** The account-wide key of a mail: its Message-ID (or bytes) hashed, so it has a fixed length. */
    static String hash(String identity) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sha256(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private static String digest(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
