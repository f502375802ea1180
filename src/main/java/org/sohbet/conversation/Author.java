package org.sohbet.conversation;

import java.util.Locale;

/** Who wrote a message: the contact (through any channel), an agent, or Sohbet itself. */
public enum Author {
    VISITOR,
    AGENT,
    SYSTEM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Author of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
