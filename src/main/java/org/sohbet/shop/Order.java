package org.sohbet.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order as the console's orders panel shows it, whichever source it came from.
 *
 * @param trackingUrl an http or https link only, else null; never a {@code javascript:} or other scheme
 */
public record Order(
        String number,
        Instant placedAt,
        String status,
        List<OrderItem> items,
        BigDecimal total,
        String currency,
        String trackingUrl,
        OrderSource source) {

    public Order {
        items = List.copyOf(items);
    }
}
