package org.sohbet.shop.shopify;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sohbet.shop.Order;
import org.sohbet.shop.OrderItem;
import org.sohbet.shop.OrderSource;
import org.sohbet.shop.connector.Connector;
import org.sohbet.shop.connector.Lookup;
import org.sohbet.shop.connector.ShopHttp;
import org.sohbet.shop.connector.ShopUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's Admin GraphQL API: {@code POST /admin/api/2025-01/graphql.json} with the {@code X-Shopify-Access-Token}
 * header and an {@code orders} query filtered by {@code customer_id:} or {@code email:}. GraphQL answers 200 even
 * for errors (a {@code THROTTLED} code, a bad field), so an {@code errors} array counts as a failure. The search
 * syntax is loose, so orders are kept only when their email (or customer id) really is the contact's.
 */
public final class Shopify implements Connector {

    public static final String API_VERSION = "2025-01";

    static final String QUERY = """
            query RecentOrders($first: Int!, $query: String!) {
              orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
                edges {
                  node {
                    name
                    email
                    createdAt
                    displayFinancialStatus
                    displayFulfillmentStatus
                    customer { id }
                    totalPriceSet { shopMoney { amount currencyCode } }
                    lineItems(first: 20) { edges { node { name quantity } } }
                    fulfillments(first: 5) { trackingInfo(first: 3) { number url } }
                  }
                }
              }
            }""";

    private final ShopHttp http;

    public Shopify(ShopHttp http) {
        this.http = http;
    }

    @Override
    public String platform() {
        return "shopify";
    }

    @Override
    public List<Order> recentOrders(Lookup lookup) throws ShopUnavailable {
        boolean byCustomer = lookup.customerId() != null && lookup.customerId().matches("\\d{1,20}");
        if (!byCustomer && lookup.email() == null) {
            return List.of();
        }
        String search = byCustomer ? "customer_id:" + lookup.customerId() : "email:" + quoted(lookup.email());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", Math.max(lookup.limit(), 1));
        variables.put("query", search);
        String body = ShopHttp.write(Map.of("query", QUERY, "variables", variables));
        URI uri = URI.create(lookup.base() + "/admin/api/" + API_VERSION + "/graphql.json");
        JsonNode answer = http.json(
                lookup,
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Access-Token", lookup.secret()));
        JsonNode errors = answer.get("errors");
        if (errors != null && !errors.isNull()) {
            // Shopify's REST-style auth failure still arrives as {"errors": "..."}; a 200 with errors is a GraphQL one.
            throw new ShopUnavailable(ShopUnavailable.Reason.ERROR, "GraphQL errors");
        }
        JsonNode edges = answer.path("data").path("orders").path("edges");
        if (!edges.isArray()) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "no data.orders.edges");
        }
        List<Order> orders = new ArrayList<>();
        for (JsonNode edge : edges.values()) {
            JsonNode node = edge.path("node");
            if (!node.isObject()) {
                throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "edge without node");
            }
            if (byCustomer
                    ? !("gid://shopify/Customer/" + lookup.customerId())
                            .equals(ShopHttp.text(node.path("customer"), "id"))
                    : !lookup.email().equalsIgnoreCase(String.valueOf(ShopHttp.text(node, "email")))) {
                continue;
            }
            orders.add(order(node));
            if (orders.size() == lookup.limit()) {
                break;
            }
        }
        return orders;
    }

    private static Order order(JsonNode node) throws ShopUnavailable {
        String number = ShopHttp.text(node, "name");
        JsonNode money = node.path("totalPriceSet").path("shopMoney");
        String amount = ShopHttp.text(money, "amount");
        String created = ShopHttp.text(node, "createdAt");
        if (number == null || amount == null || created == null) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "order without name, total or date");
        }
        BigDecimal total;
        Instant placedAt;
        try {
            total = new BigDecimal(amount);
            placedAt = Instant.parse(created);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "total or date unreadable", e);
        }
        List<OrderItem> items = new ArrayList<>();
        for (JsonNode edge : node.path("lineItems").path("edges").values()) {
            String name = ShopHttp.text(edge.path("node"), "name");
            if (name != null) {
                items.add(new OrderItem(
                        name, (int) Math.max(edge.path("node").path("quantity").asLong(1), 0)));
            }
        }
        String tracking = null;
        for (JsonNode fulfillment : node.path("fulfillments").values()) {
            for (JsonNode info : fulfillment.path("trackingInfo").values()) {
                if (tracking == null) {
                    tracking = ShopHttp.safeLink(ShopHttp.text(info, "url"));
                }
            }
        }
        String fulfillment = ShopHttp.text(node, "displayFulfillmentStatus");
        String financial = ShopHttp.text(node, "displayFinancialStatus");
        String status = fulfillment != null && !fulfillment.equals("UNFULFILLED")
                ? fulfillment
                : financial != null ? financial : fulfillment != null ? fulfillment : "UNKNOWN";
        String currency = ShopHttp.text(money, "currencyCode");
        return new Order(
                number,
                placedAt,
                status.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                items,
                total,
                currency == null ? "" : currency,
                tracking,
                OrderSource.SHOPIFY);
    }

    /** Shopify's search syntax: a phrase in double quotes, with quotes and backslashes escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
