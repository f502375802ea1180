package org.sohbet.shared.i18n;

import java.time.ZoneId;

/**
 * How dates and numbers are written for the person reading the page: their time zone, and for Persian or Arabic
 * readers the calendar and the digits they chose.
 */
public record FormatPreferences(ZoneId zone, Calendar calendar, Digits digits) {

    /** A request attribute holding the signed-in agent's preferences, set by the account module. */
    public static final String REQUEST_ATTRIBUTE = FormatPreferences.class.getName();

    public static final FormatPreferences DEFAULT =
            new FormatPreferences(ZoneId.of("UTC"), Calendar.GREGORIAN, Digits.LATIN);

    public enum Calendar {
        GREGORIAN("gregorian"),
        SOLAR_HIJRI("persian");

        private final String icuName;

        Calendar(String icuName) {
            this.icuName = icuName;
        }

        String icuName() {
            return icuName;
        }
    }

    public enum Digits {
        LATIN,
        /** The script's own digits: Persian (۱۲۳) for fa, Arabic-Indic (١٢٣) for ar, Latin otherwise. */
        NATIVE
    }
}
