package org.sohbet.visitor.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.sohbet.account.AccountId;

/**
 * A shop page reported {@code track('purchase')} for one of its visitors. The page is not trusted: the event says
 * only what the page claimed, validated for shape (an order id, a total of at most two decimals, a currency if known).
 *
 * @param currency the event's currency, else the visitor's cart currency, else null
 */
public record PurchaseTracked(
        AccountId accountId, String visitorKey, String orderId, BigDecimal total, String currency, Instant at) {}
