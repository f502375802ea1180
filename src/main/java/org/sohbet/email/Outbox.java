package org.sohbet.email;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.sohbet.conversation.Author;
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
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable wake = () -> {};

    Outbox(OutboxRepository repository, MailboxRepository mailboxes, MessageIdTokens tokens, Clock clock) {
        this.repository = repository;
        this.mailboxes = mailboxes;
        this.tokens = tokens;
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
        long inboxId = changed.conversation().inboxId();
        var mailbox = mailboxes.find(inboxId);
        if (mailbox.isEmpty()) {
            return;
        }
        byte[] unique = new byte[9];
        random.nextBytes(unique);
        String messageId = tokens.make(
                message.conversationId(),
                null,
                Base64.getUrlEncoder().withoutPadding().encodeToString(unique),
                mailbox.get().domain());
        repository.enqueue(
                changed.accountId(),
                inboxId,
                message.conversationId(),
                message.id(),
                message.seq(),
                messageId,
                DatabaseTime.truncate(clock.instant()));
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
