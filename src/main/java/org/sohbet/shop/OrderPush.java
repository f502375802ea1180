package org.sohbet.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order a shop reports itself (the REST API, or the page's {@code track('purchase')}), tied to a contact by email
 * or shop customer id, or only to the tracked visitor's key. {@link Orders#record} validates it.
 *
 * @param visitorKey the loader's key of the visitor who bought, for a tracked purchase; null from the REST API
 */
public record OrderPush(
        String number,
        Instant placedAt,
        String status,
        String email,
        String customerId,
        String currency,
        BigDecimal total,
        List<OrderItem> items,
        String trackingUrl,
        String visitorKey) {

    public OrderPush {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** An order pushed through the REST API, which knows no visitor. */
    public OrderPush(
            String number,
            Instant placedAt,
            String status,
            String email,
            String customerId,
            String currency,
            BigDecimal total,
            List<OrderItem> items,
            String trackingUrl) {
        this(number, placedAt, status, email, customerId, currency, total, items, trackingUrl, null);
    }
}
