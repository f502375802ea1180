package org.sohbet.conversation;

/**
 * A file name as uploaded is only ever shown, never used as a path. This keeps it displayable: no path, no control
 * or direction-override characters (which can make "gpj.exe" read as "exe.jpg"), at most 255 characters, and an
 * extension that matches the detected type.
 */
final class FileName {

    private FileName() {}

    static String display(String uploaded, FileType type) {
        String name = uploaded == null ? "" : uploaded;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]", "")
                .strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        base = base.replaceAll("^[.\\s]+", "").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        int maxBase = 255 - type.extension.length() - 1;
        if (base.codePointCount(0, base.length()) > maxBase) {
            base = base.substring(0, base.offsetByCodePoints(0, maxBase));
        }
        return base + "." + type.extension;
    }
}
