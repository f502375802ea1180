package org.sohbet.email;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationFeeds;
import org.sohbet.conversation.MessageView;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues an agent's reply in a mailbox's conversation for SMTP, in the transaction that stores the reply: the reply
 * and its mail commit together or not at all. Private notes and activities never leave.
 */
@Component
class Outbox {

    /** What goes out by mail. Anything else (notes, activities, and kinds added later) stays inside. */
    static final Set<String> SENT_KINDS = Set.of("text", "attachment");

    private final OutboxRepository repository;
    private final MailboxRepository mailboxes;
    private final MessageIdTokens tokens;
    private final ConversationFeeds feeds;
    private final Contacts contacts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable wake = () -> {};

    Outbox(
            OutboxRepository repository,
            MailboxRepository mailboxes,
            MessageIdTokens tokens,
            ConversationFeeds feeds,
            Contacts contacts,
            Clock clock) {
        this.contacts = contacts;
        this.repository = repository;
        this.mailboxes = mailboxes;
        this.tokens = tokens;
        this.feeds = feeds;
        this.clock = clock;
    }

    void onEnqueued(Runnable wake) {
        this.wake = wake;
    }

    @EventListener
    void on(ConversationChanged changed) {
        MessageView message = changed.message();
        if (message.author() != Author.AGENT || !SENT_KINDS.contains(message.kind())) {
            return;
        }
        var mailbox = mailboxes.find(changed.conversation().inboxId());
        if (mailbox.isEmpty()) {
            // Another channel's conversation (ADR 0028): mailed through the inbox's reply sender, only while the
            // contact has no live feed open and gave an email.
            if (feeds.contactConnected(changed.conversation().id())
                    || contacts.find(changed.accountId(), changed.conversation().contactId())
                            .map(c -> c.email() == null || c.email().isBlank())
                            .orElse(true)) {
                return;
            }
            mailbox = mailboxes.replySender(changed.conversation().inboxId()).filter(m -> m.accountId()
                    .equals(changed.accountId()));
            if (mailbox.isEmpty()) {
                return;
            }
        }
        long inboxId = mailbox.get().inboxId();
        repository.enqueue(
                changed.accountId(),
                inboxId,
                message.conversationId(),
                message.id(),
                message.seq(),
                tokens.make(
                        message.conversationId(), null, unique(), mailbox.get().domain()),
                DatabaseTime.truncate(clock.instant()));
        wakeAfterCommit();
    }

    /**
     * Queues a transcript (which carries the conversation's token, so an answer to it threads back) or a notice to an
     * agent (which carries none: an answer to it never acts in a conversation).
     */
    void queueComposed(Mailbox mailbox, Long conversationId, String kind, OutboxRepository.Composed mail) {
        String messageId = conversationId != null && kind.equals("transcript")
                ? tokens.make(conversationId, null, unique(), mailbox.domain())
                : "<sohbet-" + kind + "." + unique() + "@" + mailbox.domain() + ">";
        repository.enqueueComposed(
                mailbox.accountId(),
                mailbox.inboxId(),
                conversationId,
                kind,
                mail,
                messageId,
                DatabaseTime.truncate(clock.instant()));
        wakeAfterCommit();
    }

    private String unique() {
        byte[] unique = new byte[9];
        random.nextBytes(unique);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unique);
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
    }
}
