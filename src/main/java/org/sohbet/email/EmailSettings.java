package org.sohbet.email;

import java.time.Duration;
import java.util.Base64;
import org.sohbet.shared.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The email channel's settings.
 *
 * @param key {@code SOHBET_EMAIL_KEY}: 32 bytes in base64 that encrypt mailbox passwords and sign Message-IDs; when
 *     empty, a key is made once and kept in the data directory ({@code email.key})
 * @param pollInterval how often mailboxes without IMAP IDLE are checked
 * @param workers whether the fetch and send workers run (tests drive them by hand)
 */
@ConfigurationProperties("sohbet.email")
record EmailSettings(String key, Duration pollInterval, Boolean workers) {

    EmailSettings {
        key = key == null || key.isBlank() ? null : key.strip();
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        workers = workers == null || workers;
        if (key != null) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("SOHBET_EMAIL_KEY", "It must be base64 (openssl rand -base64 32).");
            }
            if (bytes.length != 32) {
                throw new InvalidSettingException(
                        "SOHBET_EMAIL_KEY",
                        "It must be 32 bytes in base64 (openssl rand -base64 32), but it is " + bytes.length
                                + " bytes.");
            }
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new InvalidSettingException("SOHBET_EMAIL_POLL_INTERVAL", "It must be a positive duration.");
        }
    }

    @Override
    public String toString() {
        return "EmailSettings[key=" + (key == null ? "from data directory" : "***") + ", pollInterval=" + pollInterval
                + "]";
    }
}
