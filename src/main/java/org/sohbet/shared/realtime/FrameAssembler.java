package org.sohbet.shared.realtime;

import org.springframework.web.socket.TextMessage;

/**
 * Joins the parts of a text message. The servlet container reads each socket through a small fixed buffer (ADR 12:
 * an idle socket must cost little), so a long frame arrives in parts; this keeps the parts only while a message is
 * incomplete, and refuses one longer than the limit.
 */
public final class FrameAssembler {

    /** A text message longer than this, in characters, closes the socket with 1009 (message too big). */
    public static final int MAX_MESSAGE = 64 * 1024;

    private StringBuilder partial;

    /** The whole message once its last part arrived, or null while parts are missing. */
    public String add(TextMessage part) throws TooBigException {
        String payload = part.getPayload();
        if (partial == null && part.isLast()) {
            if (payload.length() > MAX_MESSAGE) {
                throw new TooBigException();
            }
            return payload;
        }
        if (partial == null) {
            partial = new StringBuilder(Math.min(MAX_MESSAGE, payload.length() * 2));
        }
        if (partial.length() + payload.length() > MAX_MESSAGE) {
            partial = null;
            throw new TooBigException();
        }
        partial.append(payload);
        if (!part.isLast()) {
            return null;
        }
        String whole = partial.toString();
        partial = null;
        return whole;
    }

    public static final class TooBigException extends Exception {
        TooBigException() {
            super("message too big", null, false, false);
        }
    }
}
