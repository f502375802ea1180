package org.sohbet.livechat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Frames;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * An agent pushes a product card or a page to the visitor's tab (ADR 41). Only addresses on the inbox's allowed
 * domains (or Sohbet's own, for the demo shop) are accepted; the push is a live event to the visitor's frame, and a
 * note in the conversation records it for the agents.
 */
@Component
class PagePushes {

    static final String EVENT = "push";
    static final int MAX_NAME = 200;
    static final int MAX_PRICE = 40;

    /** What the agent asked to push; {@code kind} is {@code product} or {@code page}. */
    record Push(String kind, String url, String name, String price, String image) {}

    /** A push the agent cannot send, with the message key saying why. */
    static final class PushProblem extends RuntimeException {
        final String code;

        PushProblem(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    private final Conversations conversations;
    private final WebsiteInboxes inboxes;
    private final RealtimeHub hub;
    private final PublicAddress address;

    PagePushes(Conversations conversations, WebsiteInboxes inboxes, RealtimeHub hub, PublicAddress address) {
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.hub = hub;
        this.address = address;
    }

    /** Sends the push; a conversation the agent cannot see, or not on a website inbox, is not found. */
    void push(SignedInAgent agent, ConversationId id, Push push) {
        ConversationSummary conversation = conversations.visible(agent, id).orElseThrow(NotFoundException::new);
        WebsiteInbox inbox = inboxes.list(agent.accountId()).stream()
                .filter(box -> box.id() == conversation.inboxId())
                .findFirst()
                .orElseThrow(NotFoundException::new);
        String kind = push.kind();
        if (!"product".equals(kind) && !"page".equals(kind)) {
            throw new PushProblem("push.error.kind");
        }
        String url = allowed(inbox, push.url()).orElseThrow(() -> new PushProblem("push.error.url"));
        String name = clean(push.name());
        if ("product".equals(kind) && name == null) {
            throw new PushProblem("push.error.name");
        }
        if (name != null && name.length() > MAX_NAME) {
            throw new PushProblem("push.error.name");
        }
        String price = clean(push.price());
        if (price != null && price.length() > MAX_PRICE) {
            throw new PushProblem("push.error.price");
        }
        String image = null;
        if (clean(push.image()) != null) {
            image = allowed(inbox, clean(push.image())).orElseThrow(() -> new PushProblem("push.error.image"));
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", EVENT);
        frame.put("conversation", id.value());
        frame.put("kind", kind);
        frame.put("url", url);
        frame.put("name", name);
        frame.put("price", "product".equals(kind) ? price : null);
        frame.put("image", "product".equals(kind) ? image : null);
        frame.put("navigate", "page".equals(kind) && inboxes.pushNavigates(agent.accountId(), inbox.id()));
        String note = (name == null ? "" : name + " ") + url;
        conversations.addNote(agent, id, null, "→ " + note);
        hub.publish(RealtimeHub.conversationTopic(id.value()), new LiveEvent(EVENT, 0, "agent", Frames.write(frame)));
    }

    /** An absolute http(s) address whose host is one of the inbox's domains; anything else is refused. */
    Optional<String> allowed(WebsiteInbox inbox, String value) {
        String url = clean(value);
        if (url == null || url.length() > 2048) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.empty();
        }
        String origin = scheme + "://" + uri.getRawAuthority();
        return AllowedDomains.allows(inbox.allowedDomains(), origin, Optional.of(address.origin()))
                ? Optional.of(uri.toString())
                : Optional.empty();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
