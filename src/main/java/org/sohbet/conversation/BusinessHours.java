package org.sohbet.conversation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;

/**
 * An inbox's weekly opening hours in the account's timezone, with holidays. No hours at all means always open. A
 * range ends at its end time; "24:00" is written as "23:59" plus the last minute, so ranges never cross midnight.
 */
public record BusinessHours(Map<DayOfWeek, List<Range>> week, Set<LocalDate> holidays, ZoneId zone) {

    /** Ranges of one day may not overlap: an hour counted twice would inflate the business-time figures. */
    public BusinessHours {
        for (List<Range> ranges : week.values()) {
            List<Range> sorted = ranges.stream()
                    .sorted(java.util.Comparator.comparing(Range::from))
                    .toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                    throw new ConversationProblem("invalid");
                }
            }
        }
    }

    public record Range(LocalTime from, LocalTime to) {
        public Range {
            if (!from.isBefore(to)) {
                throw new ConversationProblem("invalid");
            }
        }
    }

    public boolean alwaysOpen() {
        return week.isEmpty() && holidays.isEmpty();
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        if (week.isEmpty()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        for (Range range : week.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (!time.isBefore(range.from()) && time.isBefore(range.to())) {
                return true;
            }
        }
        return false;
    }

    /** Seconds between two instants that fall inside opening hours. */
    public long seconds(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        if (alwaysOpen()) {
            return Duration.between(from, to).toSeconds();
        }
        long total = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        // A conversation that stays open for years is not measured day by day beyond this bound.
        int guard = 0;
        while (!day.isAfter(last) && guard++ < 3_700) {
            if (!holidays.contains(day)) {
                List<Range> ranges = week.isEmpty()
                        ? List.of(new Range(LocalTime.MIN, LocalTime.MAX))
                        : week.getOrDefault(day.getDayOfWeek(), List.of());
                for (Range range : ranges) {
                    Instant start = day.atTime(range.from()).atZone(zone).toInstant();
                    Instant end = day.atTime(range.to()).atZone(zone).toInstant();
                    Instant a = start.isAfter(from) ? start : from;
                    Instant b = end.isBefore(to) ? end : to;
                    if (a.isBefore(b)) {
                        total += Duration.between(a, b).toSeconds();
                    }
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /**
     * The instant at which {@code business} of opening time has passed since {@code from}; wall time when always
     * open. Empty when the hours never open again within ten years (every open day a holiday).
     */
    public java.util.Optional<Instant> plus(Instant from, Duration business) {
        if (alwaysOpen() || !business.isPositive()) {
            return java.util.Optional.of(from.plus(business.isNegative() ? Duration.ZERO : business));
        }
        Duration remaining = business;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int guard = 0; guard < 3_700; guard++, day = day.plusDays(1)) {
            for (Range range : openRanges(day)) {
                Instant end = end(day, range);
                Instant start = later(start(day, range), from);
                if (!start.isBefore(end)) {
                    continue;
                }
                Duration available = Duration.between(start, end);
                if (available.compareTo(remaining) >= 0) {
                    return java.util.Optional.of(start.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The close of the business day {@code from} falls in, or of the next one when it comes after that day's last
     * opening range (or on a closed day): what "the same business day" means to a customer who wrote then.
     */
    public java.util.Optional<Instant> closeOfBusinessDay(Instant from) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int guard = 0; guard < 3_700; guard++, day = day.plusDays(1)) {
            List<Range> ranges = openRanges(day);
            if (!ranges.isEmpty()) {
                Instant close = end(day, ranges.getLast());
                if (close.isAfter(from)) {
                    return java.util.Optional.of(close);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** A day's opening ranges in order: none on a holiday, the whole day when no weekly hours are set. */
    private List<Range> openRanges(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        if (week.isEmpty()) {
            return List.of(new Range(LocalTime.MIN, LocalTime.MAX));
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of()).stream()
                .sorted(java.util.Comparator.comparing(Range::from))
                .toList();
    }

    // A local time that a clock change skips is moved forward by the gap (ZonedDateTime's rule), so a range still
    // counts the hours that really pass on that day.
    private Instant start(LocalDate day, Range range) {
        return day.atTime(range.from()).atZone(zone).toInstant();
    }

    private Instant end(LocalDate day, Range range) {
        return range.to().equals(LocalTime.MAX)
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(range.to()).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Reads the stored form, {@code {"mon": [["09:00", "17:00"]], ...}}. */
    static BusinessHours parse(String json, List<LocalDate> holidays, ZoneId zone) {
        Map<String, List<List<String>>> raw = json == null || json.isBlank()
                ? Map.of()
                : Frames.mapper().readValue(json, new TypeReference<Map<String, List<List<String>>>>() {});
        Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
        raw.forEach((day, ranges) -> {
            List<Range> list = new ArrayList<>();
            for (List<String> pair : ranges) {
                list.add(new Range(LocalTime.parse(pair.get(0)), LocalTime.parse(pair.get(1))));
            }
            if (!list.isEmpty()) {
                week.put(day(day), List.copyOf(list));
            }
        });
        return new BusinessHours(week, Set.copyOf(holidays), zone);
    }

    String toJson() {
        Map<String, List<List<String>>> raw = new java.util.LinkedHashMap<>();
        week.forEach((day, ranges) -> raw.put(
                code(day),
                ranges.stream()
                        .map(r -> List.of(r.from().toString(), r.to().toString()))
                        .toList()));
        return Frames.write(raw);
    }

    static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    static DayOfWeek day(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equals(code)) {
                return day;
            }
        }
        throw new ConversationProblem("invalid");
    }
}
