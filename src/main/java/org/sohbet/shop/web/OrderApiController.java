package org.sohbet.shop.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shop.ApiTokens;
import org.sohbet.shop.Order;
import org.sohbet.shop.OrderItem;
import org.sohbet.shop.OrderProblem;
import org.sohbet.shop.OrderPush;
import org.sohbet.shop.Orders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/orders}: shops without a connector push their orders here (README, "Orders API"; {@code
 * docs/openapi.yaml}). A bearer token of the account authenticates each request; the token never goes in the query
 * string. Orders are idempotent by number, and another account's number answers 404.
 */
@RestController
class OrderApiController {

    static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiTokens tokens;
    private final Orders orders;

    OrderApiController(ApiTokens tokens, Orders orders) {
        this.tokens = tokens;
        this.orders = orders;
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<Map<String, Object>> push(HttpServletRequest request) throws IOException {
        Object account = authenticate(request);
        if (account instanceof ResponseEntity<?> refused) {
            return cast(refused);
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", null);
        }
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            type = null;
        }
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "json_expected", null);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed_json", null);
        }
        if (json == null || !json.isObject()) {
            return error(HttpStatus.BAD_REQUEST, "object_expected", null);
        }
        try {
            OrderPush push = parse(json);
            boolean created = orders.record((AccountId) account, push);
            Order stored =
                    orders.pushed((AccountId) account, push.number().strip()).orElseThrow();
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(view(stored));
        } catch (OrderProblem problem) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, problem.code(), problem.field());
        }
    }

    @GetMapping("/api/v1/orders/{number}")
    ResponseEntity<Map<String, Object>> one(HttpServletRequest request, @PathVariable String number) {
        Object account = authenticate(request);
        if (account instanceof ResponseEntity<?> refused) {
            return cast(refused);
        }
        return orders.pushed((AccountId) account, number)
                .map(o -> ResponseEntity.ok(view(o)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", null));
    }

    /** The account, or the answer refusing the request. */
    private Object authenticate(HttpServletRequest request) {
        // A token in the URL ends up in proxies' and browsers' logs (security case B 21): refuse it outright.
        for (String name : List.of("access_token", "token", "api_key")) {
            if (request.getParameter(name) != null) {
                return error(HttpStatus.BAD_REQUEST, "token_in_query", name);
            }
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<AccountId> account = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            account = tokens.authenticate(header.substring(7).strip());
        }
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sohbet\"")
                    .body(Map.<String, Object>of("error", "unauthorized"));
        }
        return account.get();
    }

    static OrderPush parse(JsonNode json) {
        List<OrderItem> items = new ArrayList<>();
        JsonNode list = json.get("items");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new OrderProblem("items", "invalid");
            }
            for (JsonNode item : list.values()) {
                if (!item.isObject()) {
                    throw new OrderProblem("items", "invalid");
                }
                JsonNode quantity = item.get("quantity");
                int count = quantity == null
                        ? 1
                        : quantity.isIntegralNumber() && quantity.canConvertToInt() ? quantity.asInt() : -1;
                items.add(new OrderItem(text(item, "name", "items"), count));
            }
        }
        return new OrderPush(
                text(json, "number", "number"),
                instant(json),
                text(json, "status", "status"),
                text(json, "email", "email"),
                text(json, "customerId", "customerId"),
                text(json, "currency", "currency"),
                decimal(json),
                items,
                text(json, "trackingUrl", "trackingUrl"));
    }

    /** A string, or a number where shops commonly send one (order numbers, customer ids). */
    private static String text(JsonNode node, String field, String reported) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isIntegralNumber()) {
            return value.asString();
        }
        throw new OrderProblem(reported, "invalid");
    }

    private static Instant instant(JsonNode json) {
        String text = text(json, "placedAt", "placedAt");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new OrderProblem("placedAt", "invalid");
        }
    }

    private static BigDecimal decimal(JsonNode json) {
        JsonNode value = json.get("total");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isString()) {
                return new BigDecimal(value.asString().strip());
            }
            if (value.isNumber()) {
                return value.decimalValue();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OrderProblem("total", "invalid");
    }

    private static Map<String, Object> view(Order order) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", order.number());
        map.put("placedAt", order.placedAt().toString());
        map.put("status", order.status());
        map.put("currency", order.currency());
        map.put("total", order.total().toPlainString());
        map.put(
                "items",
                order.items().stream()
                        .map(i -> Map.<String, Object>of("name", i.name(), "quantity", i.quantity()))
                        .toList());
        map.put("trackingUrl", order.trackingUrl());
        return map;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Map<String, Object>> cast(ResponseEntity<?> answer) {
        return (ResponseEntity<Map<String, Object>>) answer;
    }
}
