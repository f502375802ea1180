package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTests {

    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul"); // UTC+3 all year
    static final BusinessHours WEEKDAYS = new BusinessHours(
            Map.of(
                    DayOfWeek.MONDAY, List.of(range("09:00", "17:00")),
                    DayOfWeek.TUESDAY, List.of(range("09:00", "12:00"), range("13:00", "17:00"))),
            Set.of(LocalDate.parse("2026-11-24")),
            ISTANBUL);

    static BusinessHours.Range range(String from, String to) {
        return new BusinessHours.Range(LocalTime.parse(from), LocalTime.parse(to));
    }

    @Test
    void opensByTheAccountsLocalTimeAndClosesOnHolidays() {
        // 2026-11-23 is a Monday; 09:30 in Istanbul is 06:30 UTC.
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-23T06:30:00Z"))).isTrue();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-23T05:59:00Z"))).isFalse();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-23T14:00:00Z")))
                .as("17:00 closes")
                .isFalse();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-24T07:00:00Z")))
                .as("a holiday")
                .isFalse();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-11-25T07:00:00Z")))
                .as("no hours on Wednesday")
                .isFalse();
    }

    @Test
    void countsOnlyOpenSecondsAcrossDaysLunchBreaksAndHolidays() {
        // Monday 16:00 local to Tuesday (holiday) to Wednesday: only Monday's last hour counts.
        assertThat(WEEKDAYS.seconds(Instant.parse("2026-11-23T13:00:00Z"), Instant.parse("2026-11-25T13:00:00Z")))
                .isEqualTo(3_600);
        BusinessHours noHoliday = new BusinessHours(WEEKDAYS.week(), Set.of(), ISTANBUL);
        // Tuesday 11:00 to 14:00 local: 11-12 and 13-14.
        assertThat(noHoliday.seconds(Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-11-24T11:00:00Z")))
                .isEqualTo(7_200);
        assertThat(noHoliday.seconds(Instant.parse("2026-11-24T11:00:00Z"), Instant.parse("2026-11-24T08:00:00Z")))
                .isZero();
    }

    @Test
    void noHoursMeansAlwaysOpenAndWallTime() {
        BusinessHours always = BusinessHours.parse("{}", List.of(), ISTANBUL);
        assertThat(always.alwaysOpen()).isTrue();
        assertThat(always.seconds(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")))
                .isEqualTo(86_400);
    }

    @Test
    void theStoredFormRoundTripsAndBadRangesAreRefused() {
        BusinessHours parsed = BusinessHours.parse(WEEKDAYS.toJson(), List.of(), ISTANBUL);
        assertThat(parsed.week()).isEqualTo(WEEKDAYS.week());
        assertThatThrownBy(() -> range("17:00", "09:00")).isInstanceOf(ConversationProblem.class);
        assertThatThrownBy(() -> new BusinessHours(
                        Map.of(DayOfWeek.FRIDAY, List.of(range("09:00", "13:00"), range("12:00", "17:00"))),
                        Set.of(),
                        ISTANBUL))
                .as("overlapping ranges would count an hour twice")
                .isInstanceOf(ConversationProblem.class);
        assertThatThrownBy(() -> BusinessHours.parse("{\"xyz\": [[\"09:00\", \"10:00\"]]}", List.of(), ISTANBUL))
                .isInstanceOf(ConversationProblem.class);
    }
}
