package org.sohbet.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol's frames as JSON (docs/protocol.md). Both sockets and the fan-out write frames through here, so the
 * widget and the console read one format.
 */
public final class Frames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Frames() {}

    public static String message(MessageView m) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("conversation", m.conversationId());
        frame.put("seq", m.seq());
        frame.put("id", m.id());
        frame.put("clientId", m.clientId());
        frame.put("kind", m.kind());
        frame.put("author", m.author().code());
        frame.put("authorName", m.authorName());
        frame.put("text", m.text());
        if (m.attachment() != null) {
            AttachmentView a = m.attachment();
            frame.put("attachment", Map.of("name", a.name(), "type", a.type(), "size", a.size(), "url", a.url()));
        } else {
            frame.put("attachment", null);
        }
        frame.put("activity", m.activity());
        frame.put("rating", m.rating());
        frame.put("status", m.status().code());
        if (m.subjectName() != null) {
            frame.put("subject", m.subjectName());
        }
        frame.put("at", m.at().toString());
        return write(frame);
    }

    public static String ack(String clientId, MessageView m) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "ack");
        frame.put("clientId", clientId);
        frame.put("conversation", m.conversationId());
        frame.put("seq", m.seq());
        frame.put("id", m.id());
        return write(frame);
    }

    public static String synced(long conversationId, long lastSeq) {
        return write(Map.of("type", "synced", "conversation", conversationId, "lastSeq", lastSeq));
    }

    public static String typing(long conversationId, Author author, boolean on) {
        return write(Map.of("type", "typing", "conversation", conversationId, "author", author.code(), "on", on));
    }

    public static String seen(long conversationId, Author author, long seq) {
        return write(Map.of("type", "seen", "conversation", conversationId, "author", author.code(), "seq", seq));
    }

    /** The contact's place in the queue; {@code etaSeconds} is null until the inbox has enough history. */
    public static String queue(QueueSpot spot) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "queue");
        frame.put("conversation", spot.conversationId());
        frame.put("position", spot.position());
        frame.put("etaSeconds", spot.etaSeconds());
        return write(frame);
    }

    public static String error(String code, String message, String clientId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        return write(frame);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonMapper mapper() {
        return JSON;
    }
}
