package org.sohbet.shared.realtime;

/**
 * One event on a topic, already serialized as the protocol frame (docs/protocol.md), so a message fanned out to a
 * thousand sockets is written to JSON once.
 *
 * @param type the frame's {@code type}, so listeners can filter without parsing
 * @param seq the conversation sequence of a stored event, or 0 for an ephemeral one (typing, seen)
 * @param author {@code visitor}, {@code agent} or {@code system}: listeners drop their own side's ephemeral events
 * @param json the frame as sent on the socket
 * @param audience who may receive it, in a form the publishing module defines and its listeners read; null for
 *     everyone on the topic
 */
public record LiveEvent(String type, long seq, String author, String json, String audience) {

    public LiveEvent(String type, long seq, String author, String json) {
        this(type, seq, author, json, null);
    }

    public boolean stored() {
        return seq > 0;
    }
}
