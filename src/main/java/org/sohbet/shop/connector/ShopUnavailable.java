package org.sohbet.shop.connector;

/** The shop's API did not give a usable answer; {@link #reason()} says what the panel tells the agent. */
public class ShopUnavailable extends Exception {

    public enum Reason {
        /** The shop refused the credentials (401, 403). */
        UNAUTHORIZED,
        /** No answer within the timeout. */
        TIMEOUT,
        /** Could not connect, or the address is not allowed (ADR 0035). */
        UNREACHABLE,
        /** An error status, a rate limit, or GraphQL errors. */
        ERROR,
        /** An answer that is not the documented format. */
        MALFORMED
    }

    private final Reason reason;

    public ShopUnavailable(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public ShopUnavailable(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
