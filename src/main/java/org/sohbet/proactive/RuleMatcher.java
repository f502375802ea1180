package org.sohbet.proactive;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.sohbet.visitor.LiveVisitor;

/**
 * Decides whether a rule's conditions hold for a visitor's live state. Pure, so it runs on every accepted batch and
 * is tested without Spring. Time on page is the one condition that becomes true without a new event, so a rule that
 * lacks only time says how long to wait.
 */
final class RuleMatcher {

    /** Whether the rule matches now; when it does not only for want of time on the page, the milliseconds to go. */
    record Verdict(boolean matches, long waitMillis) {
        static final Verdict NO = new Verdict(false, 0);
        static final Verdict YES = new Verdict(true, 0);
    }

    /** A rule with its address patterns compiled once. */
    record Compiled(InvitationRule rule, List<UrlPattern> patterns) {
        static Compiled of(InvitationRule rule) {
            return new Compiled(
                    rule, rule.urlPatterns().stream().map(RuleMatcher::wildcard).toList());
        }
    }

    /** A compiled pattern, and whether it is matched against the path (it started with a slash) or the address. */
    record UrlPattern(Pattern regex, boolean path) {}

    private RuleMatcher() {}

    static Verdict check(Compiled compiled, LiveVisitor visitor, Instant now) {
        InvitationRule rule = compiled.rule();
        if (!rule.enabled() || visitor.currentUrl() == null) {
            return Verdict.NO;
        }
        if (!compiled.patterns().isEmpty() && !urlMatches(compiled.patterns(), visitor.currentUrl())) {
            return Verdict.NO;
        }
        if (visitor.pagesThisVisit() < rule.minPages()) {
            return Verdict.NO;
        }
        if (rule.minCart() != null && visitor.cartTotal() < rule.minCart()) {
            return Verdict.NO;
        }
        if (rule.checkoutStep() != null
                && !("in".equals(rule.checkoutStep())
                        ? visitor.checkoutStep() != null
                        : rule.checkoutStep().equals(visitor.checkoutStep()))) {
            return Verdict.NO;
        }
        if (!rule.languages().isEmpty() && !rule.languages().contains(visitor.language())) {
            return Verdict.NO;
        }
        if ("new".equals(rule.returning()) && visitor.returning()
                || "returning".equals(rule.returning()) && !visitor.returning()) {
            return Verdict.NO;
        }
        Instant since = visitor.pageSince() == null ? now : visitor.pageSince();
        long wait =
                rule.minSecondsOnPage() * 1000L - Duration.between(since, now).toMillis();
        return wait > 0 ? new Verdict(false, wait) : Verdict.YES;
    }

    /**
     * A pattern that starts with a slash is matched against the path and query of the page, anything else against the
     * whole address; {@code *} stands for any run of characters, everything else is literal.
     */
    static boolean urlMatches(List<UrlPattern> patterns, String url) {
        String path = pathOf(url);
        for (UrlPattern pattern : patterns) {
            String subject = pattern.path() ? path : url;
            if (subject != null && pattern.regex().matcher(subject).matches()) {
                return true;
            }
        }
        return false;
    }

    static UrlPattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(literal.isEmpty() ? "" : Pattern.quote(literal));
        }
        return new UrlPattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), pattern.startsWith("/"));
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
