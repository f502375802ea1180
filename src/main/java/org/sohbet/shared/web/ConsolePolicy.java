package org.sohbet.shared.web;

/** The console's content security policy, and the one variant of it a page framed by the console itself uses. */
public final class ConsolePolicy {

    /**
     * Every console page: our own scripts, styles and sockets only, and never inside a frame. No inline script
     * anywhere; htmx is told not to inject its indicator styles (see layout).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** The same policy for a page that the console frames (a split-view pane, ADR 0038): framed by the console alone. */
    public static final String FRAMED_BY_CONSOLE =
            CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    private ConsolePolicy() {}
}
