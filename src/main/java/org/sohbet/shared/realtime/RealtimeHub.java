package org.sohbet.shared.realtime;

/**
 * Fan-out of live events to whoever listens on a topic. This node's sockets subscribe; domain listeners publish after
 * commit. The single-node implementation delivers in-process; a Redis-backed one will join it for cluster mode
 * (ADR 0013), so nothing outside this package may assume delivery happens on the publishing thread.
 */
public interface RealtimeHub {

    /** Delivers the event to every current subscriber of the topic, on this node and, in cluster mode, others. */
    void publish(String topic, LiveEvent event);

    /** Starts delivering the topic's events to the listener until the returned subscription is closed. */
    Subscription subscribe(String topic, Listener listener);

    /** How many listeners this node holds, for metrics and tests. */
    int subscriberCount();

    @FunctionalInterface
    interface Listener {
        void deliver(LiveEvent event);
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    static String conversationTopic(long conversationId) {
        return "conversation." + conversationId;
    }

    static String accountTopic(long accountId) {
        return "account." + accountId;
    }
}
