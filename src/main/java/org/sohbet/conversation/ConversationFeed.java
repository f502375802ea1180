package org.sohbet.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sohbet.account.AccountId;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;

/**
 * One client's view of one conversation: the catch-up after its last sequence, then live events, in order and each
 * once. It subscribes before it reads the catch-up and holds live events back until the catch-up is sent, so nothing
 * falls into the gap; a live event that arrives ahead of a missing number is preceded by the missing ones, read from
 * the database.
 */
public final class ConversationFeed implements RealtimeHub.Listener, AutoCloseable {

    private final Conversations conversations;
    private final AccountId account;
    private final ConversationId conversation;
    private final Consumer<String> sink;
    private final Predicate<LiveEvent> wanted;
    private final boolean withNotes;
    private final RealtimeHub.Subscription subscription;
    private final List<LiveEvent> held = new ArrayList<>();
    private long lastSent;
    private boolean catchingUp = true;
    private boolean closed;
    private Runnable onClose = () -> {};

    ConversationFeed(
            Conversations conversations,
            RealtimeHub hub,
            AccountId account,
            ConversationId conversation,
            long after,
            Consumer<String> sink,
            Predicate<LiveEvent> wanted,
            boolean withNotes) {
        this.withNotes = withNotes;
        this.conversations = conversations;
        this.account = account;
        this.conversation = conversation;
        this.sink = sink;
        this.wanted = wanted;
        this.lastSent = Math.max(0, after);
        this.subscription = hub.subscribe(RealtimeHub.conversationTopic(conversation.value()), this);
    }

    void start() {
        synchronized (this) {
            sendStoredUpTo(Long.MAX_VALUE);
            catchingUp = false;
            sink.accept(Frames.synced(conversation.value(), lastSent));
            for (LiveEvent event : held) {
                forward(event);
            }
            held.clear();
        }
    }

    public ConversationId conversation() {
        return conversation;
    }

    @Override
    public void deliver(LiveEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (catchingUp) {
                held.add(event);
            } else {
                forward(event);
            }
        }
    }

    private void forward(LiveEvent event) {
        if (!wanted.test(event)) {
            return;
        }
        if (!event.stored()) {
            sink.accept(event.json());
            return;
        }
        if (event.seq() <= lastSent) {
            return;
        }
        if (event.seq() > lastSent + 1) {
            sendStoredUpTo(event.seq() - 1);
        }
        // A note takes a number like any message; a contact's feed steps over it.
        if (withNotes || !"note".equals(event.type())) {
            sink.accept(event.json());
        }
        lastSent = event.seq();
    }

    private void sendStoredUpTo(long until) {
        conversations.forEachMessage(account, conversation, lastSent, until, message -> {
            if (withNotes || !message.isNote()) {
                sink.accept(Frames.message(message));
            }
            lastSent = message.seq();
        });
    }

    void onClose(Runnable onClose) {
        this.onClose = onClose;
    }

    @Override
    public void close() {
        Runnable then;
        synchronized (this) {
            then = closed ? () -> {} : onClose;
            closed = true;
        }
        subscription.close();
        then.run();
    }
}
