package org.sohbet.proactive;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One proactive rule of an inbox: every condition that is set must hold, and then the invitation text in the
 * visitor's language (or the first one given) is shown.
 *
 * @param urlPatterns addresses or paths with {@code *} wildcards; empty means any page
 * @param minCart null when the cart does not matter
 * @param checkoutStep null for any, {@code in} for any step, or one step
 * @param languages empty for any
 * @param returning {@code any}, {@code new} or {@code returning}
 * @param messages invitation texts by language tag, in the order the admin gave them
 * @param maxPerVisitor how many times a day one visitor sees it at most
 * @param cooldownMinutes how long after showing it to a visitor it waits before showing it to them again
 */
public record InvitationRule(
        long id,
        long inboxId,
        String name,
        boolean enabled,
        List<String> urlPatterns,
        int minSecondsOnPage,
        int minPages,
        Double minCart,
        String checkoutStep,
        Set<String> languages,
        String returning,
        Map<String, String> messages,
        int maxPerVisitor,
        int cooldownMinutes) {

    /** The text for a visitor's language, falling back to English and then to the first text given. */
    public String message(String language) {
        if (language != null && messages.containsKey(language)) {
            return messages.get(language);
        }
        if (messages.containsKey("en")) {
            return messages.get("en");
        }
        return messages.values().stream().findFirst().orElse("");
    }
}
