package org.sohbet.conversation;

import java.time.Instant;

/**
 * One stored message as clients see it (the message object of docs/protocol.md).
 *
 * @param kind {@code text}, {@code attachment} or {@code activity}
 * @param activity for an activity: {@code resolved}, {@code reopened}, {@code claimed} or {@code rated}
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
        Instant at) {

    public boolean isActivity() {
        return "activity".equals(kind);
    }
}
