package org.sohbet.shop.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a shop's API: the address is checked again before each call, redirects are never followed, each call has a
 * deadline, and at most {@link #MAX_BODY} bytes are read. Failures become a {@link ShopUnavailable} with a reason the
 * panel can name; response bodies are never shown or logged, so an internal page cannot be read back through it.
 */
public final class ShopHttp {

    static final int MAX_BODY = 2 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final ShopUrls urls;
    private final Duration timeout;

    public ShopHttp(ShopUrls urls, Duration timeout) {
        this.urls = urls;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends the request to an address under {@code lookup.base()}, and answers the JSON of a 2xx response. */
    public JsonNode json(Lookup lookup, HttpRequest.Builder request) throws ShopUnavailable {
        urls.recheck(lookup.base());
        HttpResponse<InputStream> response;
        try {
            response = client.send(
                    request.timeout(timeout)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.TIMEOUT, "no answer in " + timeout, e);
        } catch (IOException e) {
            throw new ShopUnavailable(
                    ShopUnavailable.Reason.UNREACHABLE, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopUnavailable(ShopUnavailable.Reason.TIMEOUT, "interrupted", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (HttpTimeoutException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.TIMEOUT, "body not complete in " + timeout, e);
        } catch (IOException e) {
            throw new ShopUnavailable(
                    ShopUnavailable.Reason.UNREACHABLE, "body: " + e.getClass().getSimpleName(), e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ShopUnavailable(ShopUnavailable.Reason.UNAUTHORIZED, "status " + status);
        }
        if (status < 200 || status > 299) {
            throw new ShopUnavailable(ShopUnavailable.Reason.ERROR, "status " + status);
        }
        if (body.length > MAX_BODY) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "body over " + MAX_BODY + " bytes");
        }
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ShopUnavailable(ShopUnavailable.Reason.MALFORMED, "not JSON", e);
        }
    }

    /** A string field, or null when it is missing, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isObject() || value.isArray()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    /** An http(s) link, else null: a {@code javascript:} or other scheme never becomes a link (case C 24, 30). */
    public static String safeLink(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException ignored) {
            // not a link
        }
        return null;
    }

    /** Writes a JSON body. */
    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
