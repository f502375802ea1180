package org.sohbet.email;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.sohbet.conversation.TranscriptRequests;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transcripts of a conversation for its contact (ADR 0031): on the contact's request, and on resolve where the inbox
 * asks for it. Only what the contact saw goes in (their, the agents' and the assistant's texts and files); private
 * notes and activity lines never do. The mail is rendered when queued and sent by the outbox.
 */
@Component
class Transcripts implements TranscriptRequests {

    /** Transcripts of one conversation per {@link #WINDOW}, on request and automatic together. */
    static final int MAX_PER_WINDOW = 3;

    static final Duration WINDOW = Duration.ofHours(1);

    /** Beyond this the transcript stops with a note: a mail is no archive. */
    static final int MAX_CHARS = 200_000;

    private final Conversations conversations;
    private final Contacts contacts;
    private final Accounts accounts;
    private final MailboxRepository mailboxes;
    private final OutboxRepository outboxRows;
    private final AutoMailRepository autoMail;
    private final Outbox outbox;
    private final MailLinks links;
    private final MessageSource messages;
    private final Clock clock;

    Transcripts(
            Conversations conversations,
            Contacts contacts,
            Accounts accounts,
            MailboxRepository mailboxes,
            OutboxRepository outboxRows,
            AutoMailRepository autoMail,
            Outbox outbox,
            MailLinks links,
            MessageSource messages,
            Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.outboxRows = outboxRows;
        this.autoMail = autoMail;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public boolean available(AccountId account, long inboxId) {
        return sender(account, inboxId).isPresent();
    }

    @Override
    @Transactional
    public Outcome request(AccountId account, ConversationId id, Language language) {
        ConversationSummary conversation = conversations.find(account, id).orElseThrow(NotFoundException::new);
        Optional<Mailbox> mailbox = sender(account, conversation.inboxId());
        if (mailbox.isEmpty()) {
            return Outcome.UNAVAILABLE;
        }
        Optional<Contact> contact = recipient(account, conversation);
        if (contact.isEmpty()) {
            return Outcome.NO_ADDRESS;
        }
        if (outboxRows.transcriptsSince(account, id.value(), clock.instant().minus(WINDOW)) >= MAX_PER_WINDOW) {
            return Outcome.RATE_LIMITED;
        }
        queue(mailbox.get(), conversation, contact.get(), language);
        return Outcome.QUEUED;
    }

    /**
     * On resolve, in the transaction that resolves. Automatic mail, so it never answers an automatic or bulk sender
     * (their latest mail said so) and never goes to our own addresses.
     */
    @EventListener
    void on(ConversationChanged changed) {
        MessageView message = changed.message();
        if (!message.isActivity() || !"resolved".equals(message.activity())) {
            return;
        }
        ConversationSummary conversation = changed.conversation();
        if (!autoMail.transcriptOnResolve(conversation.inboxId())) {
            return;
        }
        AccountId account = changed.accountId();
        Optional<Mailbox> mailbox = sender(account, conversation.inboxId());
        Optional<Contact> contact = recipient(account, conversation);
        if (mailbox.isEmpty()
                || contact.isEmpty()
                || autoMail.isAutoSender(account, contact.get().email())
                || outboxRows.transcriptsSince(
                                account,
                                conversation.id().value(),
                                clock.instant().minus(WINDOW))
                        >= MAX_PER_WINDOW) {
            return;
        }
        Language language = conversations.language(account, conversation.id()).orElseGet(() -> accounts.find(account)
                .map(Accounts.AccountSummary::defaultLanguage)
                .orElse(Language.DEFAULT));
        queue(mailbox.get(), conversation, contact.get(), language);
    }

    /** The mailbox that mails for the inbox: the inbox itself when it is one, else its reply sender (ADR 0028). */
    private Optional<Mailbox> sender(AccountId account, long inboxId) {
        return mailboxes
                .find(inboxId)
                .or(() -> mailboxes.replySender(inboxId))
                .filter(m -> m.accountId().equals(account) && m.enabled());
    }

    private Optional<Contact> recipient(AccountId account, ConversationSummary conversation) {
        return contacts.find(account, conversation.contactId())
                .filter(c -> c.email() != null && !c.email().isBlank())
                .filter(c -> !mailboxes.isOwnAddress(c.email()));
    }

    private void queue(Mailbox mailbox, ConversationSummary conversation, Contact contact, Language language) {
        AccountId account = conversation.accountId();
        Accounts.AccountSummary summary = accounts.find(account).orElseThrow(NotFoundException::new);
        Locale locale = language.locale();
        String subject = messages.getMessage("transcript.subject", new Object[] {summary.name()}, locale);
        String body = render(account, conversation, contact, summary.timezone(), locale);
        if (!mailbox.signature().isBlank()) {
            body = body + "\n\n-- \n" + mailbox.signature();
        }
        outbox.queueComposed(
                mailbox,
                conversation.id().value(),
                "transcript",
                new OutboxRepository.Composed(
                        contact.email(),
                        OutboxSender.headerText(contact.name()),
                        OutboxSender.headerText(subject),
                        body,
                        language.tag()));
    }

    String render(AccountId account, ConversationSummary conversation, Contact contact, ZoneId zone, Locale locale) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        StringBuilder text = new StringBuilder();
        text.append(messages.getMessage("transcript.intro", null, locale)).append("\n\n");
        String you = contact.name() != null && !contact.name().isBlank()
                ? oneLine(contact.name())
                : messages.getMessage("transcript.you", null, locale);
        boolean[] cut = {false};
        conversations.forEachMessage(account, conversation.id(), 0, conversation.lastSeq(), m -> {
            if (cut[0] || !(m.kind().equals("text") || m.kind().equals("attachment"))) {
                return;
            }
            String who =
                    switch (m.author()) {
                        case VISITOR -> you;
                        case AGENT ->
                            m.authorName() == null
                                    ? messages.getMessage("transcript.agent", null, locale)
                                    : oneLine(m.authorName());
                        case ASSISTANT ->
                            m.authorName() == null
                                    ? messages.getMessage("transcript.assistant", null, locale)
                                    : oneLine(m.authorName());
                        case SYSTEM -> null;
                    };
            if (who == null) {
                return;
            }
            StringBuilder line = new StringBuilder();
            line.append('[')
                    .append(when.format(m.at()))
                    .append("] ")
                    .append(who)
                    .append(":\n");
            if (m.text() != null && !m.text().isBlank()) {
                line.append(m.text().strip()).append('\n');
            }
            if (m.author() != Author.SYSTEM && m.attachment() != null) {
                line.append(messages.getMessage(
                                "transcript.file",
                                new Object[] {oneLine(m.attachment().name())},
                                locale))
                        .append(' ')
                        .append(links.file(account, m.conversationId(), m.seq()))
                        .append('\n');
            }
            if (text.length() + line.length() > MAX_CHARS) {
                text.append(messages.getMessage("transcript.cut", null, locale)).append('\n');
                cut[0] = true;
                return;
            }
            text.append(line).append('\n');
        });
        return text.toString().stripTrailing();
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
    }
}
