package org.sohbet.email;

import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * A mail server's failure as one of a few kinds, a message key each. The server's own words are not shown: a
 * connection test must not become a way to read what answers on an internal address.
 */
final class MailErrors {

    private MailErrors() {}

    static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return "email.error.auth";
            }
            if (t instanceof UnknownHostException) {
                return "email.error.host";
            }
            if (t instanceof SocketTimeoutException) {
                return "email.error.timeout";
            }
            if (t instanceof ConnectException) {
                return "email.error.connect";
            }
            if (t instanceof SSLException) {
                return "email.error.tls";
            }
            if (t instanceof jakarta.mail.SendFailedException) {
                return "email.error.rejected";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "email.error.other";
    }
}
