package org.sohbet.conversation.web;

import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sohbet.account.Accounts;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.events.AgentAccessChanged;
import org.sohbet.conversation.Access;
import org.sohbet.conversation.AgentAudience;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationFeed;
import org.sohbet.conversation.ConversationFeeds;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Frames;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.realtime.FrameAssembler;
import org.sohbet.shared.realtime.FrameRate;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.sohbet.shared.realtime.Sockets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The console's socket, {@code /ws/agent}: the agent half of docs/protocol.md. */
@Component
class AgentSocketHandler extends TextWebSocketHandler {

    private static final String STATE = "sohbet.agent";
    /** How long a successful access check is trusted; disabling an agent also closes its sockets at once. */
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final Accounts accounts;
    private final Access access;
    private final Availability availability;
    private final Conversations conversations;
    private final ConversationFeeds feeds;
    private final RealtimeHub hub;
    private final Set<AgentConnection> connections = ConcurrentHashMap.newKeySet();
    private final boolean rateLimited;

    AgentSocketHandler(
            Accounts accounts,
            Access access,
            Availability availability,
            Conversations conversations,
            ConversationFeeds feeds,
            RealtimeHub hub,
            @Value("${sohbet.rate-limits.enabled:true}") boolean rateLimited) {
        this.accounts = accounts;
        this.access = access;
        this.availability = availability;
        this.rateLimited = rateLimited;
        this.conversations = conversations;
        this.feeds = feeds;
        this.hub = hub;
    }

    private static final class AgentConnection {
        final WebSocketSession socket;
        final SignedInAgent agent;
        final FrameRate rate;
        final FrameAssembler parts = new FrameAssembler();
        final Map<Long, ConversationFeed> watched = new HashMap<>();
        RealtimeHub.Subscription account;
        volatile Access.Scope scope;
        long checkedAt = System.nanoTime();

        AgentConnection(WebSocketSession socket, SignedInAgent agent, boolean rateLimited) {
            this.socket = socket;
            this.rate = new FrameRate(rateLimited);
            this.agent = agent;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        SignedInAgent agent = agentOf(raw.getPrincipal());
        if (agent == null || !accounts.sessionValid(agent)) {
            Sockets.close(raw, CloseStatus.POLICY_VIOLATION.withReason("not signed in"));
            return;
        }
        AgentConnection connection = new AgentConnection(Sockets.bounded(raw), agent, rateLimited);
        raw.getAttributes().put(STATE, connection);
        connections.add(connection);
        connection.scope = access.scope(agent);
        // Notices of conversations this agent may not see never reach the socket (AgentAudience).
        connection.account = hub.subscribe(
                RealtimeHub.accountTopic(agent.accountId().value()), event -> {
                    if (AgentAudience.admits(connection.scope, event)) {
                        Sockets.send(connection.socket, event.json());
                    }
                });
        Sockets.send(
                connection.socket,
                Frames.write(Map.of(
                        "type",
                        "welcome",
                        "agent",
                        agent.agentId().value(),
                        "notify",
                        availability.notifications(agent))));
        availability.touch(agent.accountId(), agent.agentId());
    }

    private static SignedInAgent agentOf(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof SignedInAgent agent) {
            return agent;
        }
        return null;
    }

    /** Parts are joined by {@link FrameAssembler}, so the container's per-socket buffer can stay small. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        AgentConnection connection = (AgentConnection) raw.getAttributes().get(STATE);
        if (connection == null) {
            return;
        }
        String payload;
        try {
            payload = connection.parts.add(message);
        } catch (FrameAssembler.TooBigException e) {
            Sockets.close(connection.socket, CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (payload == null) {
            return;
        }
        if (!connection.rate.allow()) {
            Sockets.close(connection.socket, CloseStatus.POLICY_VIOLATION.withReason("too many frames"));
            return;
        }
        if (System.nanoTime() - connection.checkedAt > RECHECK.toNanos()) {
            if (!accounts.sessionValid(connection.agent)) {
                Sockets.close(connection.socket, CloseStatus.POLICY_VIOLATION.withReason("access ended"));
                return;
            }
            // Inboxes and teams may have changed; what the agent sees follows within seconds.
            connection.scope = access.scope(connection.agent);
            connection.checkedAt = System.nanoTime();
        }
        JsonNode frame;
        try {
            frame = Frames.mapper().readTree(payload);
        } catch (JacksonException e) {
            send(connection, Frames.error("invalid", "Not JSON.", null));
            return;
        }
        String type = frame.path("type").asString("");
        String clientId =
                frame.path("clientId").isString() ? frame.path("clientId").asString() : null;
        ConversationId conversation =
                new ConversationId(frame.path("conversation").asLong(0));
        if (!"ping".equals(type)) {
            availability.touch(connection.agent.accountId(), connection.agent.agentId());
        }
        try {
            switch (type) {
                case "active" -> {}
                case "note" -> {
                    if (clientId == null) {
                        throw new ConversationProblem("invalid");
                    }
                    String text =
                            frame.path("text").isString() ? frame.path("text").asString() : null;
                    Conversations.Posted posted = conversations.addNote(connection.agent, conversation, clientId, text);
                    send(connection, Frames.ack(clientId, posted.message()));
                }
                case "watch" ->
                    watch(connection, conversation, frame.path("after").asLong(0));
                case "unwatch" -> unwatch(connection, conversation.value());
                case "send" -> {
                    if (clientId == null) {
                        throw new ConversationProblem("invalid");
                    }
                    String text =
                            frame.path("text").isString() ? frame.path("text").asString() : null;
                    Conversations.Posted posted =
                            conversations.postFromAgent(connection.agent, conversation, clientId, text);
                    send(connection, Frames.ack(clientId, posted.message()));
                }
                case "typing" -> {
                    requireWatched(connection, conversation);
                    boolean on = frame.path("on").asBoolean(false);
                    hub.publish(
                            RealtimeHub.conversationTopic(conversation.value()),
                            new LiveEvent(
                                    "typing",
                                    0,
                                    Author.AGENT.code(),
                                    Frames.typing(conversation.value(), Author.AGENT, on)));
                    viewer(connection, conversation.value(), on ? "typing" : "viewing");
                }
                case "seen" -> {
                    requireWatched(connection, conversation);
                    long seq = frame.path("seq").asLong(0);
                    conversations.markSeen(connection.agent.accountId(), conversation, Author.AGENT, seq);
                    hub.publish(
                            RealtimeHub.conversationTopic(conversation.value()),
                            new LiveEvent(
                                    "seen",
                                    0,
                                    Author.AGENT.code(),
                                    Frames.seen(conversation.value(), Author.AGENT, seq)));
                }
                case "ping" -> send(connection, "{\"type\":\"pong\"}");
                default -> send(connection, Frames.error("invalid", "Unknown frame type.", clientId));
            }
        } catch (ConversationProblem problem) {
            send(connection, Frames.error(problem.code(), problem.code(), clientId));
        } catch (NotFoundException notFound) {
            send(connection, Frames.error("not_found", "No such conversation.", clientId));
        }
    }

    /**
     * Typing and seen marks concern the conversation the console shows, which it watches; watching checked the
     * account, so these frequent frames need no query of their own.
     */
    private static void requireWatched(AgentConnection connection, ConversationId conversation) {
        synchronized (connection.watched) {
            if (!connection.watched.containsKey(conversation.value())) {
                throw new NotFoundException();
            }
        }
    }

    private void watch(AgentConnection connection, ConversationId conversation, long after) {
        unwatch(connection, conversation.value());
        conversations.visible(connection.agent, conversation).orElseThrow(NotFoundException::new);
        ConversationFeed feed = feeds.open(
                connection.agent.accountId(),
                conversation,
                after,
                json -> Sockets.send(connection.socket, json),
                // Agents see every stored message, the visitor's typing and seen marks, the queue, and which other
                // agents are viewing or typing (the collision notice).
                (LiveEvent event) -> event.stored()
                        || Author.VISITOR.code().equals(event.author())
                        || "viewer".equals(event.type())
                        || "queue".equals(event.type()));
        synchronized (connection.watched) {
            connection.watched.put(conversation.value(), feed);
        }
        viewer(connection, conversation.value(), "viewing");
    }

    /** Tells the other agents in the conversation who is viewing or typing there, or has left. */
    private void viewer(AgentConnection connection, long conversation, String state) {
        Map<String, Object> frame = new java.util.LinkedHashMap<>();
        frame.put("type", "viewer");
        frame.put("conversation", conversation);
        frame.put("agent", connection.agent.agentId().value());
        frame.put(
                "name",
                accounts.displayName(connection.agent.accountId(), connection.agent.agentId())
                        .orElse(""));
        frame.put("state", state);
        hub.publish(
                RealtimeHub.conversationTopic(conversation),
                new LiveEvent("viewer", 0, Author.AGENT.code(), Frames.write(frame)));
    }

    private void unwatch(AgentConnection connection, long conversation) {
        ConversationFeed feed;
        synchronized (connection.watched) {
            feed = connection.watched.remove(conversation);
        }
        if (feed != null) {
            feed.close();
            viewer(connection, conversation, "left");
        }
    }

    private static void send(AgentConnection connection, String json) {
        Sockets.send(connection.socket, json);
    }

    /** Disabling an agent closes its open sockets now, not at their next frame. */
    @EventListener
    void onAccessChanged(AgentAccessChanged changed) {
        if (changed.enabled()) {
            return;
        }
        for (AgentConnection connection : connections) {
            if (connection.agent.accountId().equals(changed.accountId())
                    && connection.agent.agentId().equals(changed.agentId())) {
                Sockets.close(connection.socket, CloseStatus.POLICY_VIOLATION.withReason("access ended"));
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        AgentConnection connection = (AgentConnection) raw.getAttributes().remove(STATE);
        if (connection == null) {
            return;
        }
        connections.remove(connection);
        if (connection.account != null) {
            connection.account.close();
        }
        List<Long> left;
        synchronized (connection.watched) {
            left = List.copyOf(connection.watched.keySet());
            connection.watched.values().forEach(ConversationFeed::close);
            connection.watched.clear();
        }
        for (Long conversation : left) {
            viewer(connection, conversation, "left");
        }
    }

    int openConnections() {
        return connections.size();
    }
}
