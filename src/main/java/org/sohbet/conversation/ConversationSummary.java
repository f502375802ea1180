package org.sohbet.conversation;

import java.time.Instant;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.contact.ContactId;

/** A conversation's state, without its messages. */
public record ConversationSummary(
        ConversationId id,
        AccountId accountId,
        long inboxId,
        ContactId contactId,
        ConversationStatus status,
        AgentId assigneeId,
        long lastSeq,
        long visitorSeenSeq,
        long agentSeenSeq,
        Integer rating,
        String lastPreview,
        Instant createdAt,
        Instant updatedAt) {}
