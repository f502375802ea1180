package org.sohbet.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sohbet.conversation.events.AgentMentioned;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each committed message to the conversation's topic and a short notice to the account's topic. It runs after
 * commit, so no client ever sees a message that a rollback took back.
 */
@Component
class ConversationBroadcaster {

    private final RealtimeHub hub;

    ConversationBroadcaster(RealtimeHub hub) {
        this.hub = hub;
    }

    // Outside a transaction (a message stored by a single autocommitted statement) it runs at once.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationChanged changed) {
        MessageView message = changed.message();
        hub.publish(
                RealtimeHub.conversationTopic(message.conversationId()),
                new LiveEvent(
                        message.isNote() ? "note" : "message",
                        message.seq(),
                        message.author().code(),
                        Frames.message(message)));
        ConversationSummary c = changed.conversation();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("type", "conversation");
        notice.put("id", message.conversationId());
        notice.put(
                "event",
                changed.created()
                        ? "created"
                        : message.isActivity() ? "status" : message.isNote() ? "note" : "message");
        notice.put("status", c.status().code());
        notice.put("activity", message.activity());
        notice.put("inbox", c.inboxId());
        notice.put("team", c.teamId());
        notice.put("assignee", c.assigneeId() == null ? null : c.assigneeId().value());
        notice.put("queued", c.queued());
        notice.put("lastSeq", message.seq());
        notice.put("author", message.author().code());
        notice.put(
                "preview", message.isActivity() ? null : changed.conversation().lastPreview());
        hub.publish(
                RealtimeHub.accountTopic(changed.accountId().value()),
                new LiveEvent("conversation", 0, message.author().code(), Frames.write(notice), AgentAudience.of(c)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentMentioned mentioned) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "mention");
        frame.put("conversation", mentioned.conversationId().value());
        frame.put("by", mentioned.note().authorName());
        frame.put("text", mentioned.note().text());
        hub.publish(
                RealtimeHub.accountTopic(mentioned.accountId().value()),
                new LiveEvent("mention", 0, "agent", Frames.write(frame), AgentAudience.only(mentioned.agentId())));
    }
}
