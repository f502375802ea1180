package org.sohbet.conversation;

/** The rules for a message's text, the same for every channel and author. */
final class MessageText {

    static final int MAX_LENGTH = 10_000;

    private MessageText() {}

    /**
     * The text as stored: surrounding white space trimmed and bidirectional embedding, override and isolate controls
     * removed (they can disguise what a message or link says). Zero-width joiners stay: Persian needs them.
     *
     * @throws ConversationProblem {@code too_long} over 10,000 characters, {@code empty} with nothing visible
     */
    static String check(String text) {
        if (text == null) {
            throw new ConversationProblem("empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new ConversationProblem("too_long");
        }
        String cleaned = text.replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (!hasVisible(cleaned)) {
            throw new ConversationProblem("empty");
        }
        return cleaned;
    }

    static boolean hasVisible(String text) {
        return text.codePoints()
                .anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !invisible(c));
    }

    private static boolean invisible(int c) {
        return c == 0x200B
                || c == 0x200C
                || c == 0x200D
                || c == 0x200E
                || c == 0x200F
                || c == 0x2060
                || c == 0xFEFF
                || c == 0x061C
                || Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT;
    }

    /** A one-line preview for lists and notifications. */
    static String preview(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.codePointCount(0, line.length()) <= 140
                ? line
                : line.substring(0, line.offsetByCodePoints(0, 140)) + "…";
    }
}
