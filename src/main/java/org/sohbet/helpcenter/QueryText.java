package org.sohbet.helpcenter;

import java.text.Normalizer;

/**
 * What a search query is allowed to be before any analysis: at most {@value #MAX_LENGTH} characters of visible text.
 * A 10,000-character paste is cut first, so its cost is bounded by the cut, not by the paste.
 */
final class QueryText {

    static final int MAX_LENGTH = 200;

    /** Normalization runs on at most this much; a code point may grow under NFKC, so it is cut again afterwards. */
    private static final int MAX_INPUT = 4 * MAX_LENGTH;

    private QueryText() {}

    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String input = raw.length() > MAX_INPUT ? raw.substring(0, MAX_INPUT) : raw;
        String normalized = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder text = new StringBuilder(Math.min(normalized.length(), MAX_LENGTH));
        boolean space = false;
        for (int i = 0; i < normalized.length() && text.length() < MAX_LENGTH; ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (visible(cp)) {
                if (space && !text.isEmpty()) {
                    text.append(' ');
                }
                space = false;
                text.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        String result = text.toString();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH);
        }
        if (!result.isEmpty() && Character.isHighSurrogate(result.charAt(result.length() - 1))) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Controls, format characters (bidi overrides, zero-width joiners), lone surrogates and unassigned code points go. */
    private static boolean visible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
