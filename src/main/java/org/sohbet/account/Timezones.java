package org.sohbet.account;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The time zones offered in forms: region zones people recognise (Europe/Istanbul, Asia/Tehran …) plus UTC. */
public final class Timezones {

    public static final List<String> CHOICES = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(id -> id.matches(
                                    "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                            .sorted())
            .toList();

    private static final Set<String> KNOWN = Set.copyOf(CHOICES);

    private Timezones() {}

    /** @throws AccountProblem for anything that is not one of the choices */
    public static ZoneId parse(String raw) {
        if (raw == null || !KNOWN.contains(raw)) {
            throw new AccountProblem("timezone", "validation.timezone");
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new AccountProblem("timezone", "validation.timezone");
        }
    }
}
