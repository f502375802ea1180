package org.sohbet.shop.connector;

import java.util.List;
import org.sohbet.shop.Order;

/** A shop platform's order API, one implementation per sub-package. */
public interface Connector {

    /** The platform's code, as stored in {@code shop_connection.platform}. */
    String platform();

    /** The customer's most recent orders, newest first, at most {@code lookup.limit()}. */
    List<Order> recentOrders(Lookup lookup) throws ShopUnavailable;
}
