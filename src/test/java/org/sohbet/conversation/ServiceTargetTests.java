package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceTargetTests {

    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul"); // UTC+3 all year
    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia"); // UTC+2, UTC+3 from the last Sunday of March
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static BusinessHours.Range range(String from, String to) {
        return new BusinessHours.Range(LocalTime.parse(from), LocalTime.parse(to));
    }

    /** Monday to Friday, 09:00–17:00, with a lunch break on Fridays; Saturday and Sunday closed. */
    static BusinessHours weekdays(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<BusinessHours.Range>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, List.of(range("09:00", "17:00")));
        }
        week.put(DayOfWeek.FRIDAY, List.of(range("13:00", "17:00"), range("09:00", "12:00")));
        return new BusinessHours(week, holidays, zone);
    }

    static final ServiceTarget FOUR_HOURS = ServiceTarget.businessMinutes(240);

    @Test
    void fourBusinessHoursWithinOneDay() {
        // Monday 2026-11-23 10:00 in Istanbul is 07:00 UTC; four hours later it is still open.
        assertThat(FOUR_HOURS.due(weekdays(ISTANBUL, Set.of()), Instant.parse("2026-11-23T07:00:00Z")))
                .contains(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @Test
    void carriesOverNightToTheNextMorning() {
        // Monday 15:30 local: 1.5 hours today, 2.5 hours Tuesday from 09:00, so 11:30 local (08:30 UTC).
        assertThat(FOUR_HOURS.due(weekdays(ISTANBUL, Set.of()), Instant.parse("2026-11-23T12:30:00Z")))
                .contains(Instant.parse("2026-11-24T08:30:00Z"));
    }

    @Test
    void startsCountingAtOpeningWhenWrittenAtNight() {
        // Monday 23:00 local: nothing counts before Tuesday 09:00, so due Tuesday 13:00 local.
        assertThat(FOUR_HOURS.due(weekdays(ISTANBUL, Set.of()), Instant.parse("2026-11-23T20:00:00Z")))
                .contains(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void skipsTheWeekendAndTheFridayLunchBreak() {
        // Friday 2026-11-27 11:00 local: 1 hour before lunch, 13:00-16:00 is 3 more: due Friday 16:00.
        BusinessHours hours = weekdays(ISTANBUL, Set.of());
        assertThat(FOUR_HOURS.due(hours, Instant.parse("2026-11-27T08:00:00Z")))
                .contains(Instant.parse("2026-11-27T13:00:00Z"));
        // Friday 16:00 local: 1 hour Friday, nothing Saturday or Sunday, 3 hours Monday: Monday 12:00 local.
        assertThat(FOUR_HOURS.due(hours, Instant.parse("2026-11-27T13:00:00Z")))
                .contains(Instant.parse("2026-11-30T09:00:00Z"));
        // Saturday noon: counted from Monday 09:00.
        assertThat(FOUR_HOURS.due(hours, Instant.parse("2026-11-28T09:00:00Z")))
                .contains(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void skipsHolidays() {
        // Monday 16:00 with Tuesday a holiday: 1 hour Monday, 3 hours Wednesday: Wednesday 12:00 local.
        BusinessHours hours = weekdays(ISTANBUL, Set.of(LocalDate.parse("2026-11-24")));
        assertThat(FOUR_HOURS.due(hours, Instant.parse("2026-11-23T13:00:00Z")))
                .contains(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void countsInTheAccountsTimezone() {
        // The same instant, Monday 2026-11-23 14:00 UTC: 17:00 (closed) in Istanbul, 09:00 (opening) in New York.
        Instant at = Instant.parse("2026-11-23T14:00:00Z");
        assertThat(FOUR_HOURS.due(weekdays(ISTANBUL, Set.of()), at)).contains(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(FOUR_HOURS.due(weekdays(NEW_YORK, Set.of()), at)).contains(Instant.parse("2026-11-23T18:00:00Z"));
    }

    @Test
    void followsTheClockChangeOverAWeekend() {
        // Sofia moves from UTC+2 to UTC+3 on Sunday 2026-03-29. Friday 27 March 15:00 local (13:00 UTC): 2 hours
        // Friday, 2 hours Monday from 09:00 local, which is now 06:00 UTC: due 08:00 UTC, not 09:00.
        assertThat(FOUR_HOURS.due(weekdays(SOFIA, Set.of()), Instant.parse("2026-03-27T13:00:00Z")))
                .contains(Instant.parse("2026-03-30T08:00:00Z"));
        // New York moves back to UTC-5 on Sunday 2026-11-01. Friday 30 October 16:00 EDT (20:00 UTC): 1 hour
        // Friday, 3 hours Monday from 09:00 EST (14:00 UTC): due 17:00 UTC.
        assertThat(FOUR_HOURS.due(weekdays(NEW_YORK, Set.of()), Instant.parse("2026-10-30T20:00:00Z")))
                .contains(Instant.parse("2026-11-02T17:00:00Z"));
    }

    @Test
    void countsTheHoursThatReallyPassOnTheDayOfTheChange() {
        // Open every day 00:00-06:00 in Sofia. On 2026-03-29 03:00 local does not exist: that morning has 5 hours.
        Map<DayOfWeek, List<BusinessHours.Range>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(range("00:00", "06:00")));
        }
        BusinessHours nights = new BusinessHours(week, Set.of(), SOFIA);
        Instant midnight = Instant.parse("2026-03-28T22:00:00Z"); // 00:00 local, UTC+2
        ServiceTarget fiveHours = ServiceTarget.businessMinutes(300);
        assertThat(fiveHours.due(nights, midnight)).contains(Instant.parse("2026-03-29T03:00:00Z")); // 06:00 UTC+3
        assertThat(nights.seconds(midnight, Instant.parse("2026-03-29T03:00:00Z")))
                .isEqualTo(Duration.ofHours(5).toSeconds());
    }

    @Test
    void withoutHoursCountsWallTimeAcrossTheChange() {
        BusinessHours always = new BusinessHours(Map.of(), Set.of(), SOFIA);
        assertThat(ServiceTarget.businessMinutes(24 * 60).due(always, Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T12:00:00Z"));
    }

    @Test
    void sameBusinessDayEndsAtTheDaysLastClosing() {
        BusinessHours hours = weekdays(ISTANBUL, Set.of(LocalDate.parse("2026-11-24")));
        ServiceTarget sameDay = ServiceTarget.sameBusinessDay();
        // Monday 08:00 local, before opening: Monday 17:00.
        assertThat(sameDay.due(hours, Instant.parse("2026-11-23T05:00:00Z")))
                .contains(Instant.parse("2026-11-23T14:00:00Z"));
        // Monday 18:00 local, after closing; Tuesday a holiday: Wednesday 17:00.
        assertThat(sameDay.due(hours, Instant.parse("2026-11-23T15:00:00Z")))
                .contains(Instant.parse("2026-11-25T14:00:00Z"));
        // Friday during lunch: Friday's last range closes at 17:00, whatever order the ranges were given in.
        assertThat(sameDay.due(hours, Instant.parse("2026-11-27T09:30:00Z")))
                .contains(Instant.parse("2026-11-27T14:00:00Z"));
        // Saturday: Monday 17:00.
        assertThat(sameDay.due(hours, Instant.parse("2026-11-28T09:00:00Z")))
                .contains(Instant.parse("2026-11-30T14:00:00Z"));
    }

    @Test
    void sameBusinessDayWithoutHoursIsLocalMidnight() {
        BusinessHours always = new BusinessHours(Map.of(), Set.of(), ISTANBUL);
        assertThat(ServiceTarget.sameBusinessDay().due(always, Instant.parse("2026-11-23T20:00:00Z")))
                .as("23:00 local: the day ends at local midnight")
                .contains(Instant.parse("2026-11-23T21:00:00Z"));
        BusinessHours holidaysOnly = new BusinessHours(Map.of(), Set.of(LocalDate.parse("2026-11-24")), ISTANBUL);
        assertThat(ServiceTarget.sameBusinessDay().due(holidaysOnly, Instant.parse("2026-11-23T21:30:00Z")))
                .as("written on a holiday: the end of the next day")
                .contains(Instant.parse("2026-11-25T21:00:00Z"));
    }

    @Test
    void holidaysOnlyMeansOpenAllDayOnOtherDays() {
        BusinessHours holidaysOnly = new BusinessHours(Map.of(), Set.of(LocalDate.parse("2026-11-24")), ISTANBUL);
        // Monday 22:00 local plus 4 hours: 2 hours Monday, Tuesday skipped, 2 hours Wednesday from midnight.
        assertThat(FOUR_HOURS.due(holidaysOnly, Instant.parse("2026-11-23T19:00:00Z")))
                .contains(Instant.parse("2026-11-24T23:00:00Z"));
    }

    @Test
    void isNeverDueWhenTheHoursNeverOpen() {
        Map<DayOfWeek, List<BusinessHours.Range>> mondays = Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "10:00")));
        java.util.Set<LocalDate> everyMonday = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.parse("2026-11-23"); d.getYear() < 2040; d = d.plusWeeks(1)) {
            everyMonday.add(d);
        }
        BusinessHours closed = new BusinessHours(mondays, everyMonday, ISTANBUL);
        assertThat(FOUR_HOURS.due(closed, Instant.parse("2026-11-23T07:00:00Z")))
                .isEmpty();
        assertThat(ServiceTarget.sameBusinessDay().due(closed, Instant.parse("2026-11-23T07:00:00Z")))
                .isEmpty();
    }

    @Test
    void refusesTargetsOutOfRangeAndReadsBackItsCode() {
        assertThatThrownBy(() -> ServiceTarget.businessMinutes(0)).isInstanceOf(ConversationProblem.class);
        assertThatThrownBy(() -> ServiceTarget.businessMinutes(ServiceTarget.MAX_MINUTES + 1))
                .isInstanceOf(ConversationProblem.class);
        assertThat(ServiceTarget.parse(FOUR_HOURS.code())).isEqualTo(FOUR_HOURS);
        assertThat(ServiceTarget.parse("same_day")).isEqualTo(ServiceTarget.sameBusinessDay());
        assertThat(ServiceTarget.parse(null)).isNull();
    }
}
