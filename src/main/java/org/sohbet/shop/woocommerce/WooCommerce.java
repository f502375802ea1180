package org.sohbet.shop.woocommerce;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sohbet.shop.Order;
import org.sohbet.shop.OrderItem;
import org.sohbet.shop.OrderSource;
import org.sohbet.shop.connector.Connector;
import org.sohbet.shop.connector.Lookup;
import org.sohbet.shop.connector.ShopHttp;
import org.sohbet.shop.connector.ShopUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * WooCommerce's REST API v3: {@code GET /wp-json/wc/v3/orders} with {@code customer=ID} when the contact has a
 * numeric shop customer id, else {@code search=EMAIL}, authenticated by the consumer key and secret (HTTP Basic, over
 * https). {@code search} matches text anywhere in an order, so only orders whose billing email is the contact's are
 * kept. Tracking links come from the Shipment Tracking extension's {@code _wc_shipment_tracking_items} meta data.
 */
public final class WooCommerce implements Connector {

    private final ShopHttp http;

    public WooCommerce(ShopHttp http) {
        this.http = http;
    }

    @Override
    public String platform() {
        return "woocommerce";
    }

    @Override
    public List<Order> recentOrders(Lookup lookup) throws ShopUnavailable {
        boolean byCustomer = lookup.customerId() != null && lookup.customerId().matches("\\d{1,18}");
        if (!byCustomer && lookup.email() == null) {
            return List.of();
        }
        String query = "per_page=" + Math.max(lookup.limit(), 1) + "&orderby=date&order=desc&"
                + (byCustomer ? "customer=" + lookup.customerId() : "search=" + encode(lookup.email()));
        URI uri = URI.create(lookup.base() + "/wp-json/wc/v3/orders?" + query);
        String basic = Base64.getEncoder()
                .encodeToString((lookup.key() + ":" + lookup.secret()).getBytes(StandardCharsets.UTF_8));
        JsonNode body = http.json(lookup, HttpRequest.newBuilder(uri).GET().header("Authorization", "Basic " + basic));
        if (!body.isArray()) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "orders is not an array");
        }
        List<Order> orders = new ArrayList<>();
        for (JsonNode node : body.values()) {
            if (!node.isObject()) {
                throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "order is not an object");
            }
            if (!byCustomer) {
                String email = ShopHttp.text(node.path("billing"), "email");
                if (email == null || !email.equalsIgnoreCase(lookup.email())) {
                    continue;
                }
            }
            orders.add(order(node));
            if (orders.size() == lookup.limit()) {
                break;
            }
        }
        return orders;
    }

    private static Order order(JsonNode node) throws ShopUnavailable {
        String number = ShopHttp.text(node, "number");
        if (number == null) {
            number = ShopHttp.text(node, "id");
        }
        String total = ShopHttp.text(node, "total");
        if (number == null || total == null) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "order without number or total");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(total);
        } catch (NumberFormatException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "total is not a number", e);
        }
        List<OrderItem> items = new ArrayList<>();
        for (JsonNode line : node.path("line_items").values()) {
            String name = ShopHttp.text(line, "name");
            if (name != null) {
                items.add(
                        new OrderItem(name, (int) Math.max(line.path("quantity").asLong(1), 0)));
            }
        }
        return new Order(
                number,
                placedAt(node),
                ShopHttp.text(node, "status") == null ? "unknown" : ShopHttp.text(node, "status"),
                items,
                amount,
                ShopHttp.text(node, "currency") == null ? "" : ShopHttp.text(node, "currency"),
                tracking(node),
                OrderSource.WOOCOMMERCE);
    }

    /** {@code date_created_gmt} is UTC without an offset; {@code date_created} is the shop's local time. */
    private static Instant placedAt(JsonNode node) throws ShopUnavailable {
        String gmt = ShopHttp.text(node, "date_created_gmt");
        String local = ShopHttp.text(node, "date_created");
        String value = gmt != null ? gmt : local;
        if (value == null) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "order without date");
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "date is not ISO 8601", e);
        }
    }

    private static String tracking(JsonNode node) {
        for (JsonNode meta : node.path("meta_data").values()) {
            if ("_wc_shipment_tracking_items".equals(ShopHttp.text(meta, "key"))) {
                for (JsonNode item : meta.path("value").values()) {
                    String link = ShopHttp.safeLink(ShopHttp.text(item, "custom_tracking_link"));
                    if (link != null) {
                        return link;
                    }
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
