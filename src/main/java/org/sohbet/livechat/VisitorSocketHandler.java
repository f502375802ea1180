package org.sohbet.livechat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.contact.Contact;
import org.sohbet.contact.ContactId;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationFeed;
import org.sohbet.conversation.ConversationFeeds;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Frames;
import org.sohbet.conversation.Inboxes;
import org.sohbet.livechat.IdentityTokens.Identity;
import org.sohbet.livechat.IdentityTokens.InvalidIdentity;
import org.sohbet.livechat.RateLimits.Limit;
import org.sohbet.livechat.VisitorSessions.VisitorSession;
import org.sohbet.proactive.ChatInvitations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.realtime.FrameAssembler;
import org.sohbet.shared.realtime.FrameRate;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.sohbet.shared.realtime.Sockets;
import org.sohbet.shared.settings.SohbetSettings;
import org.sohbet.visitor.VisitorChats;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The widget's socket, {@code /ws/visitor}: the visitor half of docs/protocol.md. */
@Component
class VisitorSocketHandler extends TextWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VisitorSocketHandler.class);
    private static final Set<String> VISITOR_EVENTS = Set.of("typing", "seen", "queue", PagePushes.EVENT);
    private static final String STATE = "sohbet.visitor";
    private static final long HELLO_TIMEOUT_SECONDS = 10;
    /** Activities after which a waiting conversation may have left the queue. */
    private static final Set<String> QUEUE_CHANGES =
            Set.of("assigned", "claimed", "transferred", "resolved", "snoozed");

    static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 120;

    private final WebsiteInboxes inboxes;
    private final VisitorSessions sessions;
    private final Contacts contacts;
    private final Conversations conversations;
    private final ConversationFeeds feeds;
    private final RealtimeHub hub;
    private final RateLimits limits;
    private final MessageSource messages;
    private final Clock clock;
    private final Inboxes routingInboxes;
    private final TransactionTemplate transactions;
    private final VisitorChats visitorChats;
    private final FaqBot bot;
    private final SohbetSettings settings;
    private final Visitors pageVisitors;
    private final ChatInvitations invitations;
    private final java.util.Set<Visitor> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("visitor-timer").daemon().factory());
    /** Open feeds per conversation: when the last one closes and stays closed, the contact has left. */
    private final Map<Long, Integer> watchers = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile java.time.Duration leftAfter = java.time.Duration.ofSeconds(60);
    private volatile boolean stopping;

    VisitorSocketHandler(
            WebsiteInboxes inboxes,
            VisitorSessions sessions,
            Contacts contacts,
            Conversations conversations,
            ConversationFeeds feeds,
            RealtimeHub hub,
            RateLimits limits,
            MessageSource messages,
            Clock clock,
            Inboxes routingInboxes,
            PlatformTransactionManager transactionManager,
            VisitorChats visitorChats,
            FaqBot bot,
            SohbetSettings settings,
            Visitors pageVisitors,
            ChatInvitations invitations) {
        this.inboxes = inboxes;
        this.sessions = sessions;
        this.contacts = contacts;
        this.conversations = conversations;
        this.feeds = feeds;
        this.hub = hub;
        this.limits = limits;
        this.messages = messages;
        this.clock = clock;
        this.routingInboxes = routingInboxes;
        this.visitorChats = visitorChats;
        this.transactions = new TransactionTemplate(transactionManager);
        this.bot = bot;
        this.settings = settings;
        this.pageVisitors = pageVisitors;
        this.invitations = invitations;
    }

    /** What one socket knows of its visitor. Frames of one socket arrive one at a time. */
    private static final class Visitor {
        final WebSocketSession socket;
        final FrameRate rate;
        final FrameAssembler parts = new FrameAssembler();
        final String address;
        WebsiteInbox inbox;
        VisitorSession session;
        Language language = Language.DEFAULT;
        ConversationFeed feed;
        boolean typing;
        /** The seller key the page names (data-seller or track properties): it routes a new conversation, nothing more. */
        String seller;
        /**
         * The loader's tracking key of the page this frame sits on, when it gave one: it links the chat to the journey
         * (ADR 34) and to invitations and pushes (ADR 33).
         */
        String trackedKey;
        /** The conversation and time last reported as chatted in, so a busy chat writes that at most once a minute. */
        long chattedIn;

        Instant chattedAt = Instant.EPOCH;
        /** The conversation whose language this socket noted last. */
        long languageNotedIn;
        /** Whether the last place in line sent to this socket was a position, not "not waiting". */
        volatile boolean queued;

        Visitor(WebSocketSession socket, String address, boolean rateLimited) {
            this.socket = socket;
            this.rate = new FrameRate(rateLimited);
            this.address = address;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession socket = Sockets.bounded(raw);
        InetSocketAddress remote = raw.getRemoteAddress();
        Visitor visitor = new Visitor(
                socket, remote == null ? "unknown" : remote.getAddress().getHostAddress(), limits.enabled());
        raw.getAttributes().put(STATE, visitor);
        open.add(visitor);
        timers.schedule(
                () -> {
                    if (visitor.session == null && socket.isOpen()) {
                        Sockets.close(socket, CloseStatus.POLICY_VIOLATION.withReason("hello expected"));
                    }
                },
                HELLO_TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Parts are joined by {@link FrameAssembler}, so the container's per-socket buffer can stay small. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        Visitor visitor = (Visitor) raw.getAttributes().get(STATE);
        if (visitor == null) {
            return;
        }
        String payload;
        try {
            payload = visitor.parts.add(message);
        } catch (FrameAssembler.TooBigException e) {
            Sockets.close(visitor.socket, CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (payload == null) {
            return;
        }
        if (!visitor.rate.allow()) {
            Sockets.close(visitor.socket, CloseStatus.POLICY_VIOLATION.withReason("too many frames"));
            return;
        }
        JsonNode frame;
        try {
            frame = Frames.mapper().readTree(payload);
        } catch (JacksonException e) {
            error(visitor, "invalid", null);
            return;
        }
        if (!frame.isObject()) {
            error(visitor, "invalid", null);
            return;
        }
        String type = frame.path("type").asString("");
        String clientId = textOrNull(frame, "clientId");
        try {
            if (visitor.session == null && !type.equals("hello")) {
                error(visitor, "invalid", clientId);
                return;
            }
            switch (type) {
                case "hello" -> hello(visitor, frame);
                case "identify" -> identify(visitor, textOrNull(frame, "identity"));
                case "profile" -> profile(visitor, textOrNull(frame, "name"), textOrNull(frame, "email"));
                case "send" -> send(visitor, clientId, textOrNull(frame, "text"));
                case "leave" ->
                    leave(
                            visitor,
                            clientId,
                            textOrNull(frame, "name"),
                            textOrNull(frame, "email"),
                            textOrNull(frame, "text"));
                case "seller" -> visitor.seller = textOrNull(frame, "seller");
                case "typing" -> typing(visitor, frame.path("on").asBoolean(false));
                case "seen" -> seen(visitor, frame.path("seq").asLong(0));
                case "bot" -> verdict(visitor, textOrNull(frame, "answer"));
                case "rate" -> rate(visitor, frame.path("rating").asInt(0), textOrNull(frame, "comment"));
                case "ping" -> Sockets.send(visitor.socket, "{\"type\":\"pong\"}");
                default -> error(visitor, "invalid", clientId);
            }
        } catch (ConversationProblem problem) {
            error(visitor, problem.code(), clientId);
        } catch (InvalidIdentity invalid) {
            error(visitor, "identity", clientId);
        } catch (NotFoundException notFound) {
            error(visitor, "not_found", clientId);
        }
    }

    private void hello(Visitor visitor, JsonNode frame) {
        if (visitor.session != null) {
            error(visitor, "invalid", null);
            return;
        }
        visitor.language = Language.fromTag(textOrNull(frame, "lang")).orElse(Language.DEFAULT);
        visitor.seller = textOrNull(frame, "seller");
        // Kept a moment on this node, as for the tracking endpoint: a burst of visitors reads the inbox once.
        Optional<WebsiteInbox> inbox = inboxes.byKeyRecent(textOrNull(frame, "inbox"));
        if (inbox.isEmpty()) {
            error(visitor, "unknown_inbox", null);
            Sockets.close(visitor.socket, CloseStatus.POLICY_VIOLATION.withReason("unknown inbox"));
            return;
        }
        visitor.inbox = inbox.get();
        String tracked = textOrNull(frame, "visitor");
        visitor.trackedKey = VisitorChats.validKey(tracked) ? tracked : null;
        VisitorSession session =
                sessions.resume(visitor.inbox, textOrNull(frame, "token")).orElse(null);
        if (session == null) {
            long retry = limits.acquire(Limit.SESSIONS_PER_ADDRESS, visitor.address);
            if (retry > 0) {
                rateLimited(visitor, null, retry);
                Sockets.close(visitor.socket, CloseStatus.POLICY_VIOLATION.withReason("too many sessions"));
                return;
            }
            session = sessions.create(visitor.inbox, null, false);
        }
        visitor.session = session;
        String identity = textOrNull(frame, "identity");
        if (identity != null) {
            try {
                applyIdentity(visitor, identity);
            } catch (InvalidIdentity invalid) {
                error(visitor, "identity", null);
            }
        }
        welcome(visitor, frame.path("after").asLong(0));
    }

    private void identify(Visitor visitor, String identity) {
        if (identity == null) {
            // The shop's customer signed out: a fresh anonymous session that sees nothing of theirs.
            if (visitor.session.contactId() != null || visitor.session.verified()) {
                visitor.session = sessions.create(visitor.inbox, null, false);
            }
        } else {
            applyIdentity(visitor, identity);
        }
        welcome(visitor, 0);
    }

    private void applyIdentity(Visitor visitor, String token) {
        Identity identity = IdentityTokens.verify(token, visitor.inbox.secret(), clock.instant());
        Contact contact =
                contacts.verified(visitor.inbox.accountId(), identity.customerId(), identity.name(), identity.email());
        VisitorSession session = visitor.session;
        if (contact.id().equals(session.contactId())) {
            return;
        }
        if (session.verified()) {
            // Another customer on the same browser: a new session, so nothing of the first one shows.
            visitor.session = sessions.create(visitor.inbox, contact.id(), true);
            return;
        }
        if (session.contactId() != null) {
            conversations.moveToContact(
                    visitor.inbox.accountId(), visitor.inbox.id(), session.contactId(), contact.id());
        }
        visitor.session = sessions.attach(session, contact.id(), true);
    }

    private void welcome(Visitor visitor, long after) {
        closeFeed(visitor);
        VisitorSession session = visitor.session;
        Contact contact = session.contactId() == null
                ? null
                : contacts.find(session.accountId(), session.contactId()).orElse(null);
        Optional<ConversationSummary> conversation = session.contactId() == null
                ? Optional.empty()
                : conversations.forContact(session.accountId(), session.inboxId(), session.contactId());
        Map<String, Object> frame = new java.util.LinkedHashMap<>();
        frame.put("type", "welcome");
        frame.put("token", session.token());
        frame.put("verified", session.verified());
        frame.put("name", contact == null ? null : contact.name());
        frame.put("email", contact == null ? null : contact.email());
        frame.put(
                "conversation",
                conversation
                        .map(c -> {
                            Map<String, Object> summary = new java.util.LinkedHashMap<>();
                            summary.put("id", c.id().value());
                            summary.put("status", c.status().code());
                            summary.put("lastSeq", c.lastSeq());
                            summary.put("agentSeenSeq", c.agentSeenSeq());
                            summary.put("rating", c.rating());
                            return summary;
                        })
                        .orElse(null));
        // Whether a person can answer now; when not, the widget offers to leave a message (docs/protocol.md).
        frame.put("openNow", routingInboxes.openNow(session.accountId(), session.inboxId()));
        frame.put(
                "away",
                routingInboxes.awayText(session.accountId(), session.inboxId()).get(visitor.language.tag()));
        Sockets.send(visitor.socket, Frames.write(frame));
        reportChat(
                visitor,
                conversation
                        .filter(c -> !"resolved".equals(c.status().code()))
                        .map(c -> c.id().value())
                        .orElse(null));
        if (conversation.isPresent()) {
            openFeed(visitor, conversation.get(), after);
        } else {
            // Nothing to catch up on; the client still waits for "synced" before it sends its outbox.
            Sockets.send(visitor.socket, "{\"type\":\"synced\",\"conversation\":null,\"lastSeq\":0}");
        }
    }

    private void openFeed(Visitor visitor, ConversationSummary conversation, long after) {
        visitor.feed = feeds.openForContact(
                conversation,
                after,
                json -> forward(visitor, json),
                // A visitor sees every stored message but notes, the agents' typing and seen marks, and its place in
                // the queue; nothing else that agents say among themselves.
                (LiveEvent event) -> event.stored()
                        || (VISITOR_EVENTS.contains(event.type())
                                && !Author.VISITOR.code().equals(event.author())));
        watchers.merge(conversation.id().value(), 1, Integer::sum);
        conversations.queueSpot(conversation).ifPresent(spot -> forward(visitor, Frames.queue(spot)));
    }

    /**
     * Sends a feed frame on. The router only tells conversations still in line their place, so when an activity may
     * have taken this one out of the line, its place is looked up once more and "not waiting" is sent if it is gone.
     */
    private void forward(Visitor visitor, String json) {
        Sockets.send(visitor.socket, json);
        if (visitor.trackedKey != null && json.startsWith("{\"type\":\"message\"")) {
            ConversationFeed open = visitor.feed;
            if (open != null && json.contains("\"activity\":\"resolved\"")) {
                reportChat(visitor, null);
            } else if (open != null && json.contains("\"activity\":\"reopened\"")) {
                reportChat(visitor, open.conversation().value());
            }
        }
        if (json.startsWith("{\"type\":\"queue\"")) {
            visitor.queued = !json.contains("\"position\":null");
        } else if (visitor.queued && json.startsWith("{\"type\":\"message\"") && json.contains("\"activity\":\"")) {
            String activity = Frames.mapper().readTree(json).path("activity").asString("");
            ConversationFeed feed = visitor.feed;
            if (QUEUE_CHANGES.contains(activity) && feed != null) {
                // Off the publisher's thread: the feed calls this under its lock.
                Thread.ofVirtual().start(() -> resendSpot(visitor, feed.conversation()));
            }
        }
    }

    private void resendSpot(Visitor visitor, ConversationId id) {
        String frame = conversations
                .find(visitor.session.accountId(), id)
                .flatMap(conversations::queueSpot)
                .map(Frames::queue)
                .orElseGet(() -> notWaiting(id));
        forward(visitor, frame);
    }

    private static String notWaiting(ConversationId id) {
        Map<String, Object> frame = new java.util.LinkedHashMap<>();
        frame.put("type", "queue");
        frame.put("conversation", id.value());
        frame.put("position", null);
        frame.put("etaSeconds", null);
        return Frames.write(frame);
    }

    private void profile(Visitor visitor, String name, String email) {
        VisitorSession session = visitor.session;
        if (session.contactId() == null) {
            visitor.session = sessions.withContact(session, name, email);
        } else {
            contacts.updateUnverified(session.accountId(), session.contactId(), name, email);
        }
    }

    /**
     * The message limit per session, and for a first message (no conversation yet) the limit on new conversations
     * per address; answers false after telling the visitor when to retry.
     */
    private boolean withinLimits(Visitor visitor, String clientId) {
        long retry = limits.acquire(Limit.MESSAGES_PER_VISITOR, "session:" + visitor.session.token());
        if (retry > 0) {
            rateLimited(visitor, clientId, retry);
            return false;
        }
        if (visitor.feed == null) {
            long conversationRetry = limits.acquire(Limit.CONVERSATIONS_PER_ADDRESS, visitor.address);
            if (conversationRetry > 0) {
                rateLimited(visitor, clientId, conversationRetry);
                return false;
            }
        }
        return true;
    }

    private void send(Visitor visitor, String clientId, String text) {
        if (clientId == null) {
            error(visitor, "invalid", null);
            return;
        }
        if (!withinLimits(visitor, clientId)) {
            return;
        }
        ContactId contact = contactOf(visitor);
        Conversations.Posted posted;
        if (visitor.feed == null) {
            // The welcome found no conversation: this message most likely starts one, with the visitor's language.
            Conversations.Started started = conversations.postFirstFromContact(
                    visitor.session.accountId(),
                    visitor.session.inboxId(),
                    contact,
                    clientId,
                    text,
                    visitor.seller,
                    visitor.language);
            posted = started.posted();
            openFeed(visitor, started.conversation(), 0);
            visitor.languageNotedIn = started.conversation().id().value();
            startedChatting(visitor);
        } else {
            posted = conversations.postFromContact(
                    visitor.session.accountId(), visitor.session.inboxId(), contact, clientId, text, visitor.seller);
        }
        chatted(visitor);
        spoke(visitor);
        Sockets.send(visitor.socket, Frames.ack(clientId, posted.message()));
        if (visitor.typing) {
            typing(visitor, false);
        }
        if (!posted.duplicate() && visitor.feed != null) {
            ask(visitor, visitor.feed.conversation(), text);
        }
    }

    /**
     * The FAQ bot hears the message off the socket's thread: the visitor has its ack, and routing went on before the
     * bot started (ADR 0023). Its answers reach the widget over the feed like any message.
     */
    private void ask(Visitor visitor, ConversationId conversation, String text) {
        VisitorSession session = visitor.session;
        Language language = visitor.language;
        String base = publicBase(visitor.socket);
        Thread.ofVirtual().name("faq-bot").start(() -> {
            try {
                bot.heard(session.accountId(), session.inboxId(), conversation, language, text, base);
            } catch (RuntimeException e) {
                log.warn("The FAQ bot could not answer in conversation {}", conversation.value(), e);
            }
        });
    }

    private void verdict(Visitor visitor, String answer) {
        Optional<FaqBot.Verdict> verdict = FaqBot.Verdict.of(answer);
        if (verdict.isEmpty() || visitor.feed == null) {
            error(visitor, "invalid", null);
            return;
        }
        bot.verdict(visitor.session.accountId(), visitor.feed.conversation(), verdict.get());
    }

    /** The configured base URL, else the scheme and host the widget reached this socket on. */
    private String publicBase(WebSocketSession socket) {
        Optional<java.net.URI> configured = settings.publicBaseUrl();
        if (configured.isPresent()) {
            return configured.get().toString().replaceAll("/+$", "");
        }
        java.net.URI uri = socket.getUri();
        String scheme = uri != null && "wss".equals(uri.getScheme()) ? "https" : "http";
        return uri == null ? "" : scheme + "://" + uri.getRawAuthority();
    }

    /**
     * A message left while nobody can answer: it sets the contact's (unverified) name and email and becomes a pending
     * conversation in the queue, in one transaction, acknowledged after commit. An email is needed unless the contact
     * has one already. A retry with the same client id stores nothing new.
     */
    private void leave(Visitor visitor, String clientId, String name, String email, String text) {
        if (clientId == null) {
            error(visitor, "invalid", null);
            return;
        }
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        String cleanEmail = email == null || email.isBlank() ? null : email.strip();
        if (cleanName != null && cleanName.length() > MAX_NAME) {
            error(visitor, "too_long", clientId);
            return;
        }
        if (cleanEmail != null
                && (cleanEmail.length() > MAX_EMAIL
                        || !EMAIL.matcher(cleanEmail).matches())) {
            error(visitor, "bad_email", clientId);
            return;
        }
        VisitorSession session = visitor.session;
        if (cleanEmail == null
                && (session.contactId() == null
                        || contacts.find(session.accountId(), session.contactId())
                                        .map(Contact::email)
                                        .orElse(null)
                                == null)) {
            error(visitor, "offline_email", clientId);
            return;
        }
        if (!withinLimits(visitor, clientId)) {
            return;
        }
        VisitorSession[] after = {session};
        Conversations.Posted posted = transactions.execute(status -> {
            if (session.contactId() == null) {
                after[0] = sessions.withContact(session, cleanName, cleanEmail);
            } else if (cleanName != null || cleanEmail != null) {
                contacts.updateUnverified(session.accountId(), session.contactId(), cleanName, cleanEmail);
            }
            return conversations.leaveMessage(
                    session.accountId(), session.inboxId(), after[0].contactId(), clientId, text, visitor.seller);
        });
        // Only a committed contact is remembered: a refused message leaves the session as it was.
        visitor.session = after[0];
        if (visitor.feed == null) {
            conversations
                    .forContact(session.accountId(), session.inboxId(), after[0].contactId())
                    .ifPresent(c -> openFeed(visitor, c, 0));
            startedChatting(visitor);
        }
        chatted(visitor);
        spoke(visitor);
        Sockets.send(visitor.socket, Frames.ack(clientId, posted.message()));
    }

    /**
     * The conversation is in the language the visitor writes in, so mail about it is too; noted once per socket and
     * conversation. A failure costs the note, never the message already acknowledged.
     */
    private void spoke(Visitor visitor) {
        if (visitor.feed == null
                || visitor.languageNotedIn == visitor.feed.conversation().value()) {
            return;
        }
        ConversationId id = visitor.feed.conversation();
        try {
            conversations.noteLanguage(visitor.session.accountId(), id, visitor.language);
            visitor.languageNotedIn = id.value();
        } catch (RuntimeException e) {
            log.warn("Could not note the language of conversation {}", id.value(), e);
        }
    }

    /** Links the chat to the visitor's journey; a failure costs the link, never the message already acknowledged. */
    private void chatted(Visitor visitor) {
        if (visitor.trackedKey == null || visitor.feed == null) {
            return;
        }
        long id = visitor.feed.conversation().value();
        Instant now = clock.instant();
        if (visitor.chattedIn == id && visitor.chattedAt.plusSeconds(60).isAfter(now)) {
            return;
        }
        visitor.chattedIn = id;
        visitor.chattedAt = now;
        try {
            visitorChats.chatted(
                    visitor.session.accountId(),
                    visitor.trackedKey,
                    visitor.feed.conversation(),
                    visitor.session.contactId());
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("Could not link conversation {} to its visitor: {}", id, e.getMessage());
        }
    }

    /** The visitor's contact, made on first need: an anonymous visitor becomes a contact when it first writes. */
    private ContactId contactOf(Visitor visitor) {
        visitor.session = sessions.withContact(visitor.session, null, null);
        return visitor.session.contactId();
    }

    /** The visitor wrote first on this socket: an invitation it saw may have turned into this chat. */
    private void startedChatting(Visitor visitor) {
        if (visitor.trackedKey == null || visitor.feed == null) {
            return;
        }
        reportChat(visitor, visitor.feed.conversation().value());
        invitations.converted(visitor.session.accountId(), visitor.trackedKey);
    }

    private void reportChat(Visitor visitor, Long conversation) {
        if (visitor.trackedKey != null) {
            pageVisitors.chatting(visitor.session.accountId(), visitor.trackedKey, conversation);
        }
    }

    /**
     * An agent starts a chat with a tracked visitor whose frame is connected now: the conversation opens assigned to
     * the agent with the agent's message, and the visitor's widget opens on it. Empty when no frame of that visitor
     * is connected to this node.
     */
    Optional<ConversationId> startByAgent(
            org.sohbet.account.SignedInAgent agent, String pageVisitor, String clientId, String text) {
        Visitor first = null;
        for (Visitor candidate : open) {
            if (pageVisitor.equals(candidate.trackedKey)
                    && candidate.session != null
                    && candidate.session.accountId().equals(agent.accountId())
                    && candidate.socket.isOpen()) {
                first = candidate;
                break;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        Visitor target = first;
        ContactId contact;
        synchronized (target) {
            contact = contactOf(target);
        }
        Conversations.Posted posted =
                conversations.startFromAgent(agent, target.session.inboxId(), contact, clientId, text);
        ConversationId id = new ConversationId(posted.message().conversationId());
        for (Visitor same : open) {
            if (same.session != null && same.session.token().equals(target.session.token())) {
                synchronized (same) {
                    if (same != target) {
                        same.session = target.session;
                    }
                    if (same.feed == null) {
                        welcome(same, 0);
                    }
                }
                Sockets.send(same.socket, "{\"type\":\"show\"}");
            }
        }
        pageVisitors.chatting(agent.accountId(), pageVisitor, id.value());
        return Optional.of(id);
    }

    private void typing(Visitor visitor, boolean on) {
        if (visitor.feed == null) {
            return;
        }
        visitor.typing = on;
        long conversation = visitor.feed.conversation().value();
        hub.publish(
                RealtimeHub.conversationTopic(conversation),
                new LiveEvent("typing", 0, Author.VISITOR.code(), Frames.typing(conversation, Author.VISITOR, on)));
    }

    private void seen(Visitor visitor, long seq) {
        if (visitor.feed == null || seq <= 0) {
            return;
        }
        conversations.markSeen(visitor.session.accountId(), visitor.feed.conversation(), Author.VISITOR, seq);
        long conversation = visitor.feed.conversation().value();
        hub.publish(
                RealtimeHub.conversationTopic(conversation),
                new LiveEvent("seen", 0, Author.VISITOR.code(), Frames.seen(conversation, Author.VISITOR, seq)));
    }

    private void rate(Visitor visitor, int rating, String comment) {
        if (visitor.session.contactId() == null) {
            throw new NotFoundException();
        }
        conversations.rate(
                visitor.session.accountId(), visitor.session.inboxId(), visitor.session.contactId(), rating, comment);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Visitor visitor = (Visitor) raw.getAttributes().remove(STATE);
        if (visitor == null) {
            return;
        }
        open.remove(visitor);
        if (visitor.typing) {
            typing(visitor, false);
        }
        closeFeed(visitor);
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable exception) {
        Sockets.close(raw, CloseStatus.SERVER_ERROR);
    }

    private void closeFeed(Visitor visitor) {
        if (visitor.feed != null) {
            ConversationFeed feed = visitor.feed;
            visitor.feed = null;
            visitor.queued = false;
            feed.close();
            left(visitor.session, feed.conversation());
        }
    }

    /**
     * The last feed of the conversation closed. If none opens again within {@link #leftAfter} (a reload, a new page
     * of the shop, a reconnect after a network drop), the contact has left: a cycle nobody answered counts as missed.
     * A shutdown is not a leave; the widgets come back to another node or after the restart.
     */
    private void left(VisitorSession session, ConversationId id) {
        Integer remaining = watchers.computeIfPresent(id.value(), (key, count) -> count > 1 ? count - 1 : null);
        if (remaining != null || stopping) {
            return;
        }
        try {
            timers.schedule(
                    () -> {
                        if (!stopping && !watchers.containsKey(id.value())) {
                            conversations.contactLeft(session.accountId(), id);
                        }
                    },
                    leftAfter.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The node is stopping; see above.
        }
    }

    /** How long a conversation must stay without a visitor socket before the contact counts as gone. */
    void leftAfter(java.time.Duration wait) {
        this.leftAfter = wait;
    }

    private void rateLimited(Visitor visitor, String clientId, long retryAfter) {
        Map<String, Object> frame = new java.util.LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", "rate_limited");
        frame.put("message", text(visitor, "rate_limited"));
        frame.put("retryAfter", retryAfter);
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        Sockets.send(visitor.socket, Frames.write(frame));
    }

    private void error(Visitor visitor, String code, String clientId) {
        Sockets.send(visitor.socket, Frames.error(code, text(visitor, code), clientId));
    }

    private String text(Visitor visitor, String code) {
        return messages.getMessage("chat.error." + code, null, code, visitor.language.locale());
    }

    private static String textOrNull(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    /**
     * Closes every visitor socket with 1012 (service restart), so widgets reconnect with backoff and resume from their
     * last sequence. Runs at shutdown; tests use it to force a reconnect.
     */
    void disconnectAll() {
        for (Visitor visitor : open) {
            Sockets.close(visitor.socket, CloseStatus.SERVICE_RESTARTED);
        }
    }

    int openSockets() {
        return open.size();
    }

    @Override
    public void destroy() {
        stopping = true;
        disconnectAll();
        timers.shutdownNow();
    }
}
