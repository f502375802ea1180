package org.sohbet.visitor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch the loader sent and keeps only what passes the boundary: known event types, small properties of
 * limited depth, http(s) addresses. A bad event is dropped and counted, a bad batch is dropped whole; neither throws.
 */
final class EventBatch {

    static final int MAX_BODY_CHARS = 64 * 1024;
    static final int MAX_EVENTS = 50;
    static final int MAX_PROPS_CHARS = 4 * 1024;
    static final int MAX_DEPTH = 4;
    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 300;
    static final Set<String> CHECKOUT_STEPS = Set.of("cart", "address", "shipping", "payment", "review");
    static final Set<String> COMMERCE =
            Set.of("product_view", "add_to_cart", "remove_from_cart", "checkout_step", "purchase");
    private static final Pattern CUSTOM = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern SELLER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What survived: the visitor's key, the page's context and the accepted events; how many were rejected. */
    record Parsed(
            String visitorKey,
            String seller,
            String language,
            boolean returning,
            List<TrackedEvent> events,
            int rejected) {}

    private EventBatch() {}

    /** Empty when the batch as a whole is unusable (too large, not JSON, no valid visitor key). */
    static java.util.Optional<Parsed> parse(String body) {
        if (body == null || body.length() > MAX_BODY_CHARS) {
            return java.util.Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return java.util.Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return java.util.Optional.empty();
        }
        String key = text(root.get("v"));
        if (key == null || !KEY.matcher(key).matches()) {
            return java.util.Optional.empty();
        }
        String seller = text(root.get("seller"));
        if (seller != null && !SELLER.matcher(seller).matches()) {
            seller = null;
        }
        String language = text(root.get("lang"));
        if (language != null && !language.matches("[a-z]{2,3}")) {
            language = null;
        }
        boolean returning = root.path("r").asBoolean(false);
        JsonNode list = root.get("events");
        List<TrackedEvent> events = new ArrayList<>();
        int rejected = 0;
        if (list == null || !list.isArray()) {
            return java.util.Optional.of(new Parsed(key, seller, language, returning, events, 0));
        }
        int index = 0;
        for (JsonNode event : list) {
            if (index++ >= MAX_EVENTS) {
                rejected++;
                continue;
            }
            TrackedEvent accepted = event(event);
            if (accepted == null) {
                rejected++;
            } else {
                events.add(accepted);
            }
        }
        return java.util.Optional.of(new Parsed(key, seller, language, returning, events, rejected));
    }

    private static TrackedEvent event(JsonNode event) {
        if (!event.isObject()) {
            return null;
        }
        String type = text(event.get("t"));
        String url = event.has("url") ? url(text(event.get("url"))) : null;
        if (event.has("url") && url == null) {
            return null;
        }
        long millis = Math.max(0, Math.min(event.path("ms").asLong(0), 7L * 24 * 3600 * 1000));
        if ("page".equals(type)) {
            if (url == null) {
                return null;
            }
            String referrer = url(text(event.get("ref")));
            String props = referrer == null ? "{}" : JSON.writeValueAsString(Map.of("referrer", referrer));
            return new TrackedEvent("page", null, url, clip(text(event.get("title"))), props, 0);
        }
        if ("leave".equals(type)) {
            return url == null ? null : new TrackedEvent("leave", null, url, null, "{}", millis);
        }
        if ("cart".equals(type)) {
            JsonNode cart = event.get("cart");
            if (cart == null || !cart.isObject() || !small(cart) || !number(cart.get("total"))) {
                return null;
            }
            return new TrackedEvent("cart", null, url, null, JSON.writeValueAsString(cart), 0);
        }
        if ("track".equals(type)) {
            String name = text(event.get("name"));
            JsonNode props = event.has("props") ? event.get("props") : JSON.createObjectNode();
            if (name == null || !CUSTOM.matcher(name).matches() || !props.isObject() || !small(props)) {
                return null;
            }
            if (!commerceValid(name, props)) {
                return null;
            }
            return new TrackedEvent("track", name, url, null, JSON.writeValueAsString(props), 0);
        }
        return null;
    }

    private static boolean commerceValid(String name, JsonNode props) {
        return switch (name) {
            case "product_view" ->
                text(props.get("sku")) != null
                        && (!props.has("price") || number(props.get("price")))
                        && (!props.has("url") || url(text(props.get("url"))) != null)
                        && (!props.has("image") || url(text(props.get("image"))) != null);
            case "add_to_cart", "remove_from_cart" -> text(props.get("sku")) != null;
            case "checkout_step" ->
                props.path("step").isString()
                        && CHECKOUT_STEPS.contains(props.path("step").asString());
            case "purchase" -> text(props.get("orderId")) != null && number(props.get("total"));
            default -> true;
        };
    }

    static boolean small(JsonNode node) {
        return depth(node, 1) && JSON.writeValueAsString(node).length() <= MAX_PROPS_CHARS;
    }

    private static boolean depth(JsonNode node, int level) {
        if (level > MAX_DEPTH) {
            return false;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (!depth(child, level + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean number(JsonNode node) {
        return node != null && node.isNumber() && node.asDouble() >= 0 && node.asDouble() < 1e12;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() || value.length() > MAX_URL ? null : value;
    }

    private static String clip(String text) {
        return text == null ? null : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /** Only absolute http(s) addresses: anything else (javascript:, data:) is not a page of the shop. */
    static String url(String value) {
        if (value == null || value.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return uri.getHost() == null ? null : value;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
