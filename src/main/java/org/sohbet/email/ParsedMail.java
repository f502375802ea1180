package org.sohbet.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What Sohbet took from one mail. Header values are decoded and cut to their limits; {@code notes} name what was
 * wrong with the mail (message keys under {@code email.note.}), so an agent sees why something is missing.
 *
 * @param messageId the Message-ID with its angle brackets, or null when the mail has none
 * @param html the HTML body as sent (not yet sanitized), or null
 */
record ParsedMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        String text,
        String html,
        List<Part> parts,
        Automation automation,
        List<String> notes) {

    /** An attachment or an inline image. */
    record Part(String fileName, String contentType, String contentId, boolean inline, byte[] content) {}

    /** What the headers say about who or what sent the mail (RFC 3834, RFC 2369, RFC 2919). */
    record Automation(boolean autoSubmitted, boolean bulk, boolean bounce) {

        static final Automation NONE = new Automation(false, false, false);

        /** A mail a program sent in answer to another: never answered, never reopens a conversation. */
        boolean automatic() {
            return autoSubmitted || bounce;
        }

        /** No automatic mail of ours may answer it. */
        boolean noAutoReply() {
            return autoSubmitted || bulk || bounce;
        }
    }

    /** Every id this mail answers, most recent first: In-Reply-To, then References from the end. */
    List<String> threadIds() {
        var ids = new java.util.ArrayList<String>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }

    String fromLower() {
        return fromAddress == null ? null : fromAddress.toLowerCase(Locale.ROOT);
    }
}
