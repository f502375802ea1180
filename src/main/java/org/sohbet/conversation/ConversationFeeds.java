package org.sohbet.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sohbet.account.AccountId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.springframework.stereotype.Service;

/** Opens live feeds of conversations for sockets of any channel and for the console. */
@Service
public class ConversationFeeds {

    private final Conversations conversations;
    private final RealtimeHub hub;
    /** Contact feeds open on this node per conversation (ADR 0028: replies go by mail while none is open). */
    private final Map<Long, Integer> contactFeeds = new ConcurrentHashMap<>();

    ConversationFeeds(Conversations conversations, RealtimeHub hub) {
        this.conversations = conversations;
        this.hub = hub;
    }

    /**
     * Sends the messages after {@code after}, a {@code synced} frame, then live frames the filter accepts, to the
     * sink, until closed. The sink is called under the feed's lock, one frame at a time, in sequence order.
     *
     * @throws NotFoundException when the conversation is not the account's
     */
    public ConversationFeed open(
            AccountId account,
            ConversationId conversation,
            long after,
            Consumer<String> sink,
            Predicate<LiveEvent> wanted) {
        conversations.find(account, conversation).orElseThrow(NotFoundException::new);
        return start(account, conversation, after, sink, wanted, true);
    }

    /** The same for the contact's side: private notes are left out, in the catch-up and live. */
    public ConversationFeed openForContact(
            AccountId account,
            ConversationId conversation,
            long after,
            Consumer<String> sink,
            Predicate<LiveEvent> wanted) {
        conversations.find(account, conversation).orElseThrow(NotFoundException::new);
        return contactFeed(account, conversation, after, sink, wanted);
    }

    /**
     * As {@link #openForContact(AccountId, ConversationId, long, Consumer, Predicate)}, for a conversation the caller
     * has just read or written in its account (the summary is the proof, so it is not looked up again).
     */
    public ConversationFeed openForContact(
            ConversationSummary conversation, long after, Consumer<String> sink, Predicate<LiveEvent> wanted) {
        return contactFeed(conversation.accountId(), conversation.id(), after, sink, wanted);
    }

    private ConversationFeed contactFeed(
            AccountId account,
            ConversationId conversation,
            long after,
            Consumer<String> sink,
            Predicate<LiveEvent> wanted) {
        ConversationFeed feed = start(account, conversation, after, sink, wanted, false);
        contactFeeds.merge(conversation.value(), 1, Integer::sum);
        feed.onClose(() -> contactFeeds.computeIfPresent(conversation.value(), (id, n) -> n > 1 ? n - 1 : null));
        return feed;
    }

    /** Whether the conversation's contact has a live feed open (on this node) right now. */
    public boolean contactConnected(ConversationId conversation) {
        return contactFeeds.containsKey(conversation.value());
    }

    private ConversationFeed start(
            AccountId account,
            ConversationId conversation,
            long after,
            Consumer<String> sink,
            Predicate<LiveEvent> wanted,
            boolean withNotes) {
        ConversationFeed feed =
                new ConversationFeed(conversations, hub, account, conversation, after, sink, wanted, withNotes);
        try {
            feed.start();
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        return feed;
    }
}
