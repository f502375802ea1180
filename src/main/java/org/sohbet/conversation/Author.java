package org.sohbet.conversation;

import java.util.Locale;

/**
 * Who wrote a message: the contact (through any channel), an agent, Sohbet itself, or the assistant (the FAQ bot,
 * which answers from the help center and is never a person).
 */
public enum Author {
    VISITOR,
    AGENT,
    SYSTEM,
    ASSISTANT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Author of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
