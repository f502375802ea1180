package org.sohbet.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * Open: being worked on. Pending: waiting, such as a message left while nobody was online. Snoozed: put away until
 * a time. Resolved: done; the contact's next message reopens it.
 */
public enum ConversationStatus {
    OPEN,
    PENDING,
    SNOOZED,
    RESOLVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConversationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public static Optional<ConversationStatus> parse(String code) {
        for (ConversationStatus status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
