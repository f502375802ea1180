package org.sohbet.email;

import java.time.Instant;
import java.util.Locale;
import org.sohbet.account.AccountId;

/**
 * A mailbox: an inbox of the registry that receives mail by IMAP and sends replies by SMTP. Passwords never leave
 * the module; {@code hasPassword} says whether one is stored.
 */
public record Mailbox(
        long inboxId,
        AccountId accountId,
        String name,
        String address,
        Server imap,
        Server smtp,
        String signature,
        boolean enabled,
        Long uidValidity,
        long lastUid,
        Instant lastFetchAt,
        String lastError) {

    public record Server(String host, int port, Security security, String user, boolean hasPassword) {}

    /** How the connection is protected: TLS from the first byte, STARTTLS (required), or none (local tests only). */
    public enum Security {
        TLS,
        STARTTLS,
        NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Security of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The domain of the address, for our Message-IDs. */
    String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
