package org.sohbet.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service-level target of an inbox: a span of business time ({@code 240m}: four business hours), or the close of
 * the business day the clock starts in ({@code same_day}). Stored as that code.
 */
public record ServiceTarget(Kind kind, int minutes) {

    /** Two working weeks of business minutes: longer targets are not service levels but backlogs. */
    public static final int MAX_MINUTES = 10 * 24 * 60;

    public enum Kind {
        BUSINESS_MINUTES,
        SAME_BUSINESS_DAY
    }

    public ServiceTarget {
        if (kind == Kind.BUSINESS_MINUTES && (minutes < 1 || minutes > MAX_MINUTES)) {
            throw new ConversationProblem("invalid");
        }
        if (kind == Kind.SAME_BUSINESS_DAY && minutes != 0) {
            throw new ConversationProblem("invalid");
        }
    }

    public static ServiceTarget businessMinutes(int minutes) {
        return new ServiceTarget(Kind.BUSINESS_MINUTES, minutes);
    }

    public static ServiceTarget sameBusinessDay() {
        return new ServiceTarget(Kind.SAME_BUSINESS_DAY, 0);
    }

    /** When the target falls due for a clock started at {@code from}; empty when the hours never open again. */
    public Optional<Instant> due(BusinessHours hours, Instant from) {
        return kind == Kind.SAME_BUSINESS_DAY
                ? hours.closeOfBusinessDay(from)
                : hours.plus(from, Duration.ofMinutes(minutes));
    }

    String code() {
        return kind == Kind.SAME_BUSINESS_DAY ? "same_day" : minutes + "m";
    }

    static ServiceTarget parse(String code) {
        if (code == null) {
            return null;
        }
        if (code.equals("same_day")) {
            return sameBusinessDay();
        }
        return businessMinutes(Integer.parseInt(code.substring(0, code.length() - 1)));
    }
}
