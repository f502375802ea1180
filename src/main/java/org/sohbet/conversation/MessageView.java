package org.sohbet.conversation;

import java.time.Instant;

/**
 * One stored message as clients see it (the message object of docs/protocol.md).
 *
 * @param kind {@code text}, {@code attachment}, {@code activity} or {@code note} (private: agents only)
 * @param activity for an activity: {@code resolved}, {@code reopened}, {@code claimed}, {@code rated},
 *     {@code assigned}, {@code unassigned}, {@code requeued}, {@code transferred}, {@code snoozed}, {@code pending}
 *     or {@code woke}
 * @param subjectName for an assignment or transfer: the agent or team it names
 * @param status the conversation's status right after this message
 */
public record MessageView(
        long conversationId,
        long seq,
        long id,
        String clientId,
        String kind,
        Author author,
        String authorName,
        String text,
        AttachmentView attachment,
        String activity,
        Integer rating,
        ConversationStatus status,
        String subjectName,
        Instant at) {

    public boolean isActivity() {
        return "activity".equals(kind);
    }

    /** A private note: agents see it, the contact never does. */
    public boolean isNote() {
        return "note".equals(kind);
    }
}
