package org.sohbet.email;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail sessions for a mailbox's servers, with timeouts everywhere so a silent server never hangs a worker. */
final class MailSessions {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private MailSessions() {}

    static String imapProtocol(Mailbox.Server server) {
        return server.security() == Mailbox.Security.TLS ? "imaps" : "imap";
    }

    static Session imap(Mailbox.Server server, Duration readTimeout) {
        String protocol = imapProtocol(server);
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", protocol);
        common(p, "mail." + protocol, server, readTimeout);
        // Read mail as it is; never let the server's idea of \Seen change because we fetched.
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail." + protocol + ".partialfetch", "true");
        return Session.getInstance(p);
    }

    static Session smtp(Mailbox.Server server) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        common(p, "mail.smtp", server, READ_TIMEOUT);
        p.setProperty("mail.smtp.auth", String.valueOf(!server.user().isBlank()));
        if (server.security() == Mailbox.Security.TLS) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        return Session.getInstance(p);
    }

    private static void common(Properties p, String prefix, Mailbox.Server server, Duration readTimeout) {
        p.setProperty(prefix + ".host", server.host());
        p.setProperty(prefix + ".port", String.valueOf(server.port()));
        p.setProperty(prefix + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        p.setProperty(prefix + ".timeout", String.valueOf(readTimeout.toMillis()));
        p.setProperty(prefix + ".writetimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        if (server.security() == Mailbox.Security.STARTTLS) {
            p.setProperty(prefix + ".starttls.enable", "true");
            // Without "required" a man in the middle could strip STARTTLS and read the password.
            p.setProperty(prefix + ".starttls.required", "true");
        }
        if (server.security() != Mailbox.Security.NONE) {
            p.setProperty(prefix + ".ssl.checkserveridentity", "true");
        }
    }
}
