package org.sohbet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. Failures are counted per typed email and per client address in PostgreSQL, so the
 * limit holds across nodes and restarts. The email key is what the visitor typed, whether or not such an agent
 * exists, so a lock reveals nothing about which emails are registered.
 */
@Component
class SignInThrottle {

    static final int EMAIL_FAILURES_BEFORE_LOCK = 5;
    static final int ADDRESS_FAILURES_BEFORE_LOCK = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isLocked(String email, String address) {
        Instant now = clock.instant();
        return jdbc.sql("select exists (select 1 from sign_in_throttle where key in (:keys) and locked_until > :now)")
                .param("keys", java.util.List.of(emailKey(email), addressKey(address)))
                .param("now", DatabaseTime.of(now))
                .query(Boolean.class)
                .single();
    }

    /** Counts a failure in its own transaction, so it is kept even when the sign-in itself rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address) {
        count(emailKey(email), EMAIL_FAILURES_BEFORE_LOCK);
        count(addressKey(address), ADDRESS_FAILURES_BEFORE_LOCK);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String email) {
        jdbc.sql("delete from sign_in_throttle where key = :key")
                .param("key", emailKey(email))
                .update();
    }

    private void count(String key, int failuresBeforeLock) {
        Instant now = clock.instant();
        // A window that has passed starts over; inside it, every failure past the limit doubles the lock.
        int failures = jdbc.sql("""
                        insert into sign_in_throttle (key, failures, first_failure_at) values (:key, 1, :now)
                        on conflict (key) do update set
                            failures = case when sign_in_throttle.first_failure_at < :windowStart
                                            then 1 else sign_in_throttle.failures + 1 end,
                            first_failure_at = case when sign_in_throttle.first_failure_at < :windowStart
                                                    then :now else sign_in_throttle.first_failure_at end
                        returning failures""")
                .param("key", key)
                .param("now", DatabaseTime.of(now))
                .param("windowStart", DatabaseTime.of(now.minus(WINDOW)))
                .query(Integer.class)
                .single();
        if (failures >= failuresBeforeLock) {
            jdbc.sql("update sign_in_throttle set locked_until = :until where key = :key")
                    .param("key", key)
                    .param("until", DatabaseTime.of(now.plus(lockFor(failures - failuresBeforeLock))))
                    .update();
        }
    }

    static Duration lockFor(int failuresPastLimit) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failuresPastLimit, 10));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
