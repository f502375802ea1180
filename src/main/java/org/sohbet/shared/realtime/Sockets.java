package org.sohbet.shared.realtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.sohbet.shared.web.Origins;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** Helpers every socket endpoint shares: bounded sending, and the same-origin check at the handshake. */
public final class Sockets {

    /** A client that stops reading is dropped after this long or this much queued output, not buffered forever. */
    static final int SEND_TIME_LIMIT_MS = 10_000;

    static final int SEND_BUFFER_LIMIT = 512 * 1024;

    private Sockets() {}

    /** A session that many threads may send to; a slow reader is closed instead of growing memory. */
    public static WebSocketSession bounded(WebSocketSession session) {
        return new ConcurrentWebSocketSessionDecorator(
                session,
                SEND_TIME_LIMIT_MS,
                SEND_BUFFER_LIMIT,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
    }

    /** Sends a frame, treating a closed or failed socket as closed. */
    public static void send(WebSocketSession session, String json) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(json));
        } catch (IOException | IllegalStateException e) {
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    public static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | IllegalStateException ignored) {
            // Already gone.
        }
    }

    /**
     * Refuses a handshake (403) unless its Origin is Sohbet's own: the configured public URL, or else the scheme and
     * host the request came to. This stops another site's page from opening a socket with a visitor's or an agent's
     * credentials (cross-site WebSocket hijacking).
     */
    public static HandshakeInterceptor sameOrigin(PublicAddress address) {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(
                    ServerHttpRequest request,
                    ServerHttpResponse response,
                    WebSocketHandler handler,
                    Map<String, Object> attributes) {
                List<String> origins = request.getHeaders().getOrEmpty("Origin");
                String own = address.origin();
                if (origins.size() == 1 && Origins.same(origins.getFirst(), own)) {
                    return true;
                }
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }

            @Override
            public void afterHandshake(
                    ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception e) {}
        };
    }
}
