package org.sohbet.helpcenter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the OpenAI-compatible {@code POST {base}/chat/completions} call (ADR 0024): one system and one user
 * message, the first choice's message content back. Every way it can go wrong is a {@link Failed} with a reason, never
 * an exception, and never carries the key or the server's body, so callers can log it as it is.
 */
final class ChatCompletions {

    /** A reply larger than this is not an answer the bot would send; reading stops there. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    static final int MAX_TOKENS = 400;

    sealed interface Result {}

    record Reply(String content) implements Result {}

    record Failed(Reason reason, String detail) implements Result {}

    enum Reason {
        REFUSED,
        UNREACHABLE,
        TIMEOUT,
        STATUS,
        MALFORMED,
        EMPTY
    }

    record Endpoint(URI base, String model, String apiKey, Duration timeout) {

        @Override
        public String toString() {
            return "Endpoint[" + base + ", " + model + "]";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    ChatCompletions() {
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Result complete(Endpoint endpoint, String system, String user) {
        String body = JSON.writeValueAsString(Map.of(
                "model",
                endpoint.model(),
                "messages",
                List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)),
                "temperature",
                0.2,
                "max_tokens",
                MAX_TOKENS,
                "stream",
                false));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.base() + "/chat/completions"))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        HttpResponse<byte[]> response;
        // The whole exchange, body included, fits in the timeout: a server that sends headers and then stalls is cut.
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                request.build(),
                HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofByteArray(), MAX_RESPONSE_BYTES));
        try {
            response = exchange.get(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timeout(endpoint);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return timeout(endpoint);
            }
            return cause instanceof IOException
                            && String.valueOf(cause.getMessage()).contains("exceed")
                    ? new Failed(Reason.MALFORMED, "reply larger than " + MAX_RESPONSE_BYTES + " bytes")
                    : new Failed(Reason.UNREACHABLE, cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(Reason.UNREACHABLE, "interrupted");
        }
        if (response.statusCode() != 200) {
            return new Failed(Reason.STATUS, "HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    private static Failed timeout(Endpoint endpoint) {
        return new Failed(
                Reason.TIMEOUT, "no answer within " + endpoint.timeout().toMillis() + " ms");
    }

    static Result parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return new Failed(Reason.MALFORMED, "not JSON");
        }
        JsonNode content = root == null
                ? null
                : root.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isString()) {
            return new Failed(Reason.MALFORMED, "no choices[0].message.content");
        }
        String text = content.asString().strip();
        return text.isEmpty() ? new Failed(Reason.EMPTY, "empty content") : new Reply(text);
    }
}
