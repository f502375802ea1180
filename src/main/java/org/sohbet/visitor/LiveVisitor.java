package org.sohbet.visitor;

import java.time.Instant;
import org.sohbet.account.AccountId;

/**
 * Someone on the shop's site now, as the console's live list shows them.
 *
 * @param pageSince when the current page was opened, for "time on page" in proactive rules
 */
public record LiveVisitor(
        AccountId accountId,
        long inboxId,
        String visitorKey,
        String seller,
        String language,
        boolean returning,
        Instant visitStartedAt,
        Instant lastSeenAt,
        String currentUrl,
        String currentTitle,
        int pagesThisVisit,
        double cartTotal,
        String cartCurrency,
        int cartItems,
        String checkoutStep,
        String lastProduct,
        Instant pageSince) {}
