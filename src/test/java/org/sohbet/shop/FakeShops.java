package org.sohbet.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WooCommerce's REST API v3 and Shopify's Admin GraphQL API as a local HTTP server on loopback, answering in their
 * documented formats, including their failures: 401 for wrong credentials, a 500, a body that is not JSON, and an
 * answer that comes too late.
 */
final class FakeShops implements AutoCloseable {

    enum Mode {
        OK,
        SERVER_ERROR,
        MALFORMED,
        SLOW,
        GRAPHQL_ERRORS
    }

    static final String CONSUMER_KEY = "ck_test";
    static final String CONSUMER_SECRET = "cs_secret_value";
    static final String SHOPIFY_TOKEN = "shpat_secret_value";

    record Seen(String method, String path, String query, String body, String authorization, String token) {}

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger hits = new AtomicInteger();
    volatile Mode mode = Mode.OK;
    volatile String wooOrders = "[]";
    volatile String shopifyOrders = "{\"data\":{\"orders\":{\"edges\":[]}}}";

    private final HttpServer server;

    FakeShops() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/wp-json/wc/v3/orders", this::woo);
        server.createContext("/admin/api/", this::shopify);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void woo(HttpExchange exchange) throws IOException {
        Seen seen = record(exchange);
        String expected = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(seen.authorization())) {
            answer(exchange, 401, """
                    {"code":"woocommerce_rest_authentication_error","message":"Invalid signature - provided signature does not match.","data":{"status":401}}""");
            return;
        }
        failOr(exchange, wooOrders);
    }

    private void shopify(HttpExchange exchange) throws IOException {
        Seen seen = record(exchange);
        if (!exchange.getRequestURI().getPath().equals("/admin/api/2025-01/graphql.json")
                || !exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 404, "{\"errors\":\"Not Found\"}");
            return;
        }
        if (!SHOPIFY_TOKEN.equals(seen.token())) {
            answer(exchange, 401, """
                    {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""");
            return;
        }
        if (mode == Mode.GRAPHQL_ERRORS) {
            answer(exchange, 200, """
                    {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}""");
            return;
        }
        failOr(exchange, shopifyOrders);
    }

    private void failOr(HttpExchange exchange, String body) throws IOException {
        switch (mode) {
            case SERVER_ERROR -> answer(exchange, 500, "<html><body>Internal Server Error</body></html>");
            case MALFORMED -> answer(exchange, 200, "{\"orders\": [ oops");
            case SLOW -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, body);
            }
            default -> answer(exchange, 200, body);
        }
    }

    private Seen record(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        Seen seen = new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"));
        requests.add(seen);
        return seen;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGaveUp) {
            // the slow case: Sohbet stopped waiting
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A WooCommerce order as {@code GET /wp-json/wc/v3/orders} lists it (trimmed to the fields Sohbet reads). */
    static String wooOrder(int id, String email, String date, String status, String total, String tracking) {
        return """
                {"id":%d,"parent_id":0,"number":"%d","order_key":"wc_order_x","created_via":"checkout","status":"%s",
                 "currency":"EUR","date_created":"%s","date_created_gmt":"%s","total":"%s","customer_id":7,
                 "billing":{"first_name":"Leyla","email":"%s"},
                 "line_items":[{"id":1,"name":"Blue mug","product_id":93,"quantity":2,"total":"19.80"},
                               {"id":2,"name":"Tea","product_id":94,"quantity":1,"total":"5.00"}],
                 "meta_data":[{"id":9,"key":"_wc_shipment_tracking_items","value":[{"tracking_provider":"dhl",
                   "tracking_number":"JD0001","custom_tracking_link":"%s"}]}]}""".formatted(id, id, status, date, date, total, email, tracking);
    }

    /** A Shopify order node as the Admin GraphQL API answers the query of {@code Shopify.QUERY}. */
    static String shopifyOrder(String name, String email, String customerId, String createdAt, String url) {
        return """
                {"node":{"name":"%s","email":"%s","createdAt":"%s","displayFinancialStatus":"PAID",
                 "displayFulfillmentStatus":"FULFILLED","customer":{"id":"gid://shopify/Customer/%s"},
                 "totalPriceSet":{"shopMoney":{"amount":"42.50","currencyCode":"USD"}},
                 "lineItems":{"edges":[{"node":{"name":"Green tea","quantity":3}}]},
                 "fulfillments":[{"trackingInfo":[{"number":"1Z999","url":"%s"}]}]}}""".formatted(name, email, createdAt, customerId, url);
    }
}
