package org.sohbet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for integration tests: frames are JSON, read in order with a timeout. */
public final class TestSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private TestSocket(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens a socket with the given headers (name, value, …); fails with the handshake's exception if refused. */
    public static TestSocket open(int port, String path, String origin, String... headers) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        // The listener makes the TestSocket in onOpen, which runs before the handshake's future completes.
        builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return listener.socket;
    }

    public static String origin(int port) {
        return "http://127.0.0.1:" + port;
    }

    public TestSocket send(Map<String, ?> frame) {
        socket.sendText(JSON.writeValueAsString(frame), true).join();
        return this;
    }

    public TestSocket sendRaw(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame, whatever its type. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame of the type, skipping others (pongs, typing, notices). */
    public JsonNode next(String type) {
        while (true) {
            JsonNode frame = next();
            if (type.equals(frame.path("type").asString())) {
                return frame;
            }
        }
    }

    /** Every frame that arrives within the wait. */
    public List<JsonNode> drain(Duration wait) throws InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return all;
            }
            JsonNode frame = frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame != null) {
                all.add(frame);
            }
        }
    }

    /** The close code the server sent, waiting up to 10 s. */
    public int closeCode() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
            } catch (CompletionException ignored) {
                // Already closed by the server.
            }
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        TestSocket socket;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = new TestSocket(webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                socket.frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            socket.closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            socket.closed.complete(-1);
        }
    }
}
