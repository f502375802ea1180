package org.sohbet.account;

import java.util.Locale;

/** What an agent may do in one account. */
public enum Role {
    OWNER,
    ADMIN,
    AGENT;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean managesTeam() {
        return this == OWNER || this == ADMIN;
    }

    /** Whether someone with this role may disable, enable or invite someone with {@code other}. */
    public boolean manages(Role other) {
        return switch (this) {
            case OWNER -> other != OWNER;
            case ADMIN -> other == AGENT;
            case AGENT -> false;
        };
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
