package org.sohbet.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTests {

    // Nowruz 1404: 21 March 2025 is 1 Farvardin 1404 in the Solar Hijri calendar.
    static final Instant NOWRUZ = Instant.parse("2025-03-21T08:30:00Z");

    static final FormatPreferences TEHRAN_GREGORIAN_LATIN = new FormatPreferences(
            ZoneId.of("Asia/Tehran"), FormatPreferences.Calendar.GREGORIAN, FormatPreferences.Digits.LATIN);

    @Test
    void persianWithSolarHijriCalendarAndPersianDigits() {
        var preferences = new FormatPreferences(
                ZoneId.of("Asia/Tehran"), FormatPreferences.Calendar.SOLAR_HIJRI, FormatPreferences.Digits.NATIVE);

        String date = Formats.date(NOWRUZ, Language.PERSIAN, preferences);

        assertThat(date).contains("۱۴۰۴").contains("فروردین").doesNotContainPattern("[0-9]");
        assertThat(Formats.number(1234567, Language.PERSIAN, preferences)).isEqualTo("۱٬۲۳۴٬۵۶۷");
    }

    @Test
    void persianDefaultsToGregorianAndLatinDigits() {
        String date = Formats.date(NOWRUZ, Language.PERSIAN, TEHRAN_GREGORIAN_LATIN);

        assertThat(date).contains("2025").doesNotContain("1404").doesNotContainPattern("[۰-۹]");
    }

    @Test
    void arabicNativeDigitsAreArabicIndic() {
        var preferences = new FormatPreferences(
                ZoneId.of("UTC"), FormatPreferences.Calendar.GREGORIAN, FormatPreferences.Digits.NATIVE);

        assertThat(Formats.number(2025, Language.ARABIC, preferences)).isEqualTo("٢٬٠٢٥");
    }

    @Test
    void turkishAndBulgarianUseTheirOwnMonthNames() {
        assertThat(Formats.date(NOWRUZ, Language.TURKISH, TEHRAN_GREGORIAN_LATIN))
                .contains("Mart");
        assertThat(Formats.date(NOWRUZ, Language.BULGARIAN, TEHRAN_GREGORIAN_LATIN))
                .contains("март");
        assertThat(Formats.number(1234567, Language.TURKISH, TEHRAN_GREGORIAN_LATIN))
                .isEqualTo("1.234.567");
    }

    @Test
    void timesAreShownInThePreferredZone() {
        String tehran = Formats.dateTime(NOWRUZ, Language.ENGLISH, TEHRAN_GREGORIAN_LATIN);
        String utc = Formats.dateTime(NOWRUZ, Language.ENGLISH, FormatPreferences.DEFAULT);

        assertThat(tehran).contains("12:00");
        assertThat(utc).contains("8:30");
    }
}
