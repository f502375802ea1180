package org.sohbet.conversation;

import java.time.Instant;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.contact.ContactId;

/**
 * A conversation's state, without its messages.
 *
 * @param queuedAt when it joined the queue; it waits there while unassigned
 * @param replyDueAt when an automatic assignment lapses unless the agent has answered
 * @param passedBy the agent who last let it go back to the queue
 * @param firstResponseDueAt when the inbox's first-response target falls due, until an agent answers (ADR 29)
 * @param resolutionDueAt when the inbox's resolution target falls due, until the conversation is resolved
 * @param sellerId the marketplace seller it belongs to, fixed when it was created; null for the operator's own
 */
public record ConversationSummary(
        ConversationId id,
        AccountId accountId,
        long inboxId,
        ContactId contactId,
        ConversationStatus status,
        AgentId assigneeId,
        Long teamId,
        long lastSeq,
        long visitorSeenSeq,
        long agentSeenSeq,
        Integer rating,
        String lastPreview,
        Instant queuedAt,
        Instant snoozedUntil,
        Instant replyDueAt,
        AgentId passedBy,
        Long cycleId,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Long sellerId) {

    /** Waiting in the queue: not assigned, open or pending, with a place in line. */
    public boolean queued() {
        return assigneeId == null
                && queuedAt != null
                && (status == ConversationStatus.OPEN || status == ConversationStatus.PENDING);
    }

    /** The earlier of the two service-level due times, or null when nothing is due: the "most urgent" sort key. */
    public Instant serviceDueAt() {
        if (firstResponseDueAt == null) {
            return resolutionDueAt;
        }
        return resolutionDueAt == null || firstResponseDueAt.isBefore(resolutionDueAt)
                ? firstResponseDueAt
                : resolutionDueAt;
    }

    ConversationSummary withSeq(long seq, String preview, Instant at) {
        return new ConversationSummary(
                id,
                accountId,
                inboxId,
                contactId,
                status,
                assigneeId,
                teamId,
                seq,
                visitorSeenSeq,
                agentSeenSeq,
                rating,
                preview,
                queuedAt,
                snoozedUntil,
                replyDueAt,
                passedBy,
                cycleId,
                statusChangedAt,
                createdAt,
                at,
                firstResponseDueAt,
                resolutionDueAt,
                sellerId);
    }
}
