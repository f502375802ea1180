package org.sohbet.email;

import java.util.regex.Pattern;

/**
 * Finds where earlier, quoted text starts in a plain-text reply, so the view can fold it away: the first of a line
 * like "On … wrote:" (in the languages Sohbet speaks and the common clients' forms), an Outlook "-----Original
 * Message-----" or "From:" block, or a run of lines starting with "&gt;" that goes to the end.
 */
final class Quotes {

    private static final Pattern HEADER = Pattern.compile("(?im)^[ \\t]*(?:"
            + "on\\b.{0,200}\\bwrote:|"
            + "am\\b.{0,200}\\bschrieb.{0,40}:|"
            + "le\\b.{0,200}\\ba écrit\\s*:|"
            + ".{0,200}tarihinde.{0,200}yazdı:|"
            + ".{0,200}написа:|"
            + ".{0,200}كتب:|"
            + ".{0,200}نوشت:|"
            + "-{2,}\\s*original message\\s*-{2,}|"
            + "-{2,}\\s*forwarded message\\s*-{2,}|"
            + "_{10,}\\s*$"
            + ")[ \\t]*$");

    private Quotes() {}

    /** The index where quoted text starts, or -1 when the text quotes nothing (or nothing but quotes). */
    static int start(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        int at = -1;
        var header = HEADER.matcher(text);
        if (header.find()) {
            at = header.start();
        }
        int tail = quotedTail(text);
        if (tail >= 0 && (at < 0 || tail < at)) {
            at = tail;
        }
        if (at <= 0 || text.substring(0, at).isBlank()) {
            return -1;
        }
        return at;
    }

    /** Where the trailing run of "&gt;" lines (and blank lines between them) starts, or -1. */
    private static int quotedTail(String text) {
        int end = text.length();
        int start = -1;
        while (end > 0) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(lineStart, end).strip();
            if (line.startsWith(">")) {
                start = lineStart;
            } else if (!line.isEmpty()) {
                break;
            }
            end = lineStart - 1;
        }
        return start;
    }

    /** The new part of a reply, without what it quotes. */
    static String fresh(String text) {
        int at = start(text);
        return at < 0 ? text : text.substring(0, at).strip();
    }
}
