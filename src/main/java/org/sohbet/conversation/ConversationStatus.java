package org.sohbet.conversation;

import java.util.Locale;

public enum ConversationStatus {
    OPEN,
    RESOLVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConversationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
