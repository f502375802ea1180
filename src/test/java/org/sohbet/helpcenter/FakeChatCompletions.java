package org.sohbet.helpcenter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that speaks OpenAI's {@code POST /v1/chat/completions}: it records each request and answers with
 * whatever the test set, a well-formed completion by default.
 */
final class FakeChatCompletions implements AutoCloseable {

    record Request(String method, String path, String authorization, String contentType, JsonNode body) {

        String model() {
            return body.path("model").asString();
        }

        String message(String role) {
            for (JsonNode message : body.path("messages")) {
                if (message.path("role").asString().equals(role)) {
                    return message.path("content").asString();
                }
            }
            return null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = completion("Fine [1].");
    private volatile long delayMillis;

    FakeChatCompletions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The documented response shape, with {@code content} as the first choice's message. */
    static String completion(String content) {
        return JSON.writeValueAsString(java.util.Map.of(
                "id",
                "chatcmpl-test",
                "object",
                "chat.completion",
                "created",
                1_764_000_000,
                "model",
                "test-model",
                "choices",
                List.of(java.util.Map.of(
                        "index",
                        0,
                        "message",
                        java.util.Map.of("role", "assistant", "content", content),
                        "finish_reason",
                        "stop")),
                "usage",
                java.util.Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15)));
    }

    FakeChatCompletions answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    FakeChatCompletions delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    Request last() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] in = exchange.getRequestBody().readAllBytes();
        JsonNode json;
        try {
            json = JSON.readTree(in);
        } catch (RuntimeException e) {
            json = JSON.createObjectNode();
        }
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                json));
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException | IOException e) {
            // The client gave up (a timeout test); nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
