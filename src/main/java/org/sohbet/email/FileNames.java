package org.sohbet.email;

import java.util.Locale;
import java.util.Map;

/** A mail's file name made safe to show: no path, no control or direction-override characters, at most 255 chars. */
final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/png", "png",
            "image/jpeg", "jpg",
            "image/gif", "gif",
            "image/webp", "webp",
            "application/pdf", "pdf",
            "message/rfc822", "eml",
            "text/plain", "txt",
            "text/html", "html",
            "text/calendar", "ics");

    private FileNames() {}

    static String of(String name, String contentType) {
        String clean = name == null ? "" : name;
        int slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
        clean = clean.substring(slash + 1)
                .replaceAll("[\\p{Cntrl}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\"<>:|?*]", "")
                .strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty()) {
            String extension =
                    EXTENSIONS.getOrDefault(contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), "bin");
            clean = "attachment." + extension;
        }
        return MailParser.cut(clean, 255);
    }
}
