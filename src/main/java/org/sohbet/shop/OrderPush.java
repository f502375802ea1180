package org.sohbet.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order a shop reports itself (the REST API, later the widget's {@code track('purchase')}), tied to a contact by
 * email or shop customer id. {@link Orders#record} validates it.
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
        String trackingUrl) {

    public OrderPush {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
