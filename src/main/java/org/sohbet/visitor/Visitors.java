package org.sohbet.visitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.visitor.events.PurchaseTracked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visitor module's API. Batches from the loader update the live state at once (the console sees a change within
 * a second) and queue their events, which a writer flushes to PostgreSQL in batches: tracking is high-volume, so no
 * event is written on its own.
 */
@Service
public class Visitors {

    /** A visitor not heard from this long has left the site. */
    static final Duration GONE_AFTER = Duration.ofMinutes(2);
    /** A gap this long starts a new visit. */
    static final Duration NEW_VISIT_AFTER = Duration.ofMinutes(30);

    /** The largest batch body a channel should read before handing it over; longer ones are refused unread. */
    public static final int MAX_BATCH_BYTES = EventBatch.MAX_BODY_CHARS;

    static final int MAX_QUEUED = 200_000;
    static final int WRITE_BATCH = 2_000;

    /** What became of one batch. */
    public record Ingested(boolean accepted, int events, int rejected, String visitorKey) {}

    private record Key(long account, String visitor) {}

    private record Pending(AccountId account, String visitorKey, TrackedEvent event, Instant at) {}

    private record Seen(
            AccountId account, long inbox, String visitorKey, String seller, String ip, String language, Instant at) {}

    private static final Logger log = LoggerFactory.getLogger(Visitors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConcurrentHashMap<Key, LiveVisitor> live = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Key, Seen> seen = new ConcurrentHashMap<>();
    /** The conversation each visitor is chatting in now, as the chat channel reports it. */
    private final ConcurrentHashMap<Key, Long> chats = new ConcurrentHashMap<>();

    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Visitors(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Takes one batch from the page of an inbox whose allowed domains the caller has already checked. Never throws for
     * bad input: the batch or its bad events are counted as rejected.
     */
    public Ingested ingest(AccountId account, long inboxId, String body, String seller, String address) {
        Optional<EventBatch.Parsed> parsed = EventBatch.parse(body);
        if (parsed.isEmpty()) {
            rejected.incrementAndGet();
            return new Ingested(false, 0, 1, null);
        }
        EventBatch.Parsed batch = parsed.get();
        rejected.addAndGet(batch.rejected());
        Instant now = clock.instant();
        String sellerKey = batch.seller() != null ? batch.seller() : seller;
        Key key = new Key(account.value(), batch.visitorKey());
        LiveVisitor earlier = live.get(key);
        live.compute(key, (k, before) -> apply(account, inboxId, batch, sellerKey, before, now));
        seen.put(
                key,
                new Seen(
                        account,
                        inboxId,
                        batch.visitorKey(),
                        sellerKey,
                        IpAddresses.truncate(address),
                        batch.language(),
                        now));
        for (TrackedEvent event : batch.events()) {
            if (queued.incrementAndGet() > MAX_QUEUED) {
                // Past this the database is not keeping up; shedding is counted, the live state is still current.
                queued.decrementAndGet();
                rejected.incrementAndGet();
                continue;
            }
            pending.add(new Pending(account, batch.visitorKey(), event, now));
        }
        changes.incrementAndGet();
        purchases(account, batch, earlier, now);
        return new Ingested(true, batch.events().size(), batch.rejected(), batch.visitorKey());
    }

    /**
     * Purchases are rare beside page views, so each goes out as an event at once (the shop records the order and
     * attributes it); the cart's currency stands in when the page named none, as the purchase empties the cart.
     */
    private void purchases(AccountId account, EventBatch.Parsed batch, LiveVisitor earlier, Instant now) {
        for (TrackedEvent event : batch.events()) {
            if (!"track".equals(event.type()) || !"purchase".equals(event.name())) {
                continue;
            }
            JsonNode props = JSON.readTree(event.props());
            String currency = props.path("currency").isString()
                    ? props.path("currency").asString()
                    : earlier == null ? null : earlier.cartCurrency();
            BigDecimal total = props.path("total").decimalValue().setScale(2, RoundingMode.HALF_UP);
            try {
                events.publishEvent(new PurchaseTracked(
                        account,
                        batch.visitorKey(),
                        props.path("orderId").asString().strip(),
                        total,
                        currency,
                        now));
            } catch (RuntimeException e) {
                // A page's purchase must never fail its batch: the event is stored all the same and counted here.
                rejected.incrementAndGet();
                log.warn("Tracked purchase of account {} not recorded: {}", account.value(), e.getMessage());
            }
        }
    }

    private static LiveVisitor apply(
            AccountId account, long inboxId, EventBatch.Parsed batch, String seller, LiveVisitor before, Instant now) {
        boolean fresh =
                before == null || before.lastSeenAt().plus(NEW_VISIT_AFTER).isBefore(now);
        boolean returning = batch.returning() || (before != null && fresh);
        Instant started = fresh ? now : before.visitStartedAt();
        String url = fresh ? null : before.currentUrl();
        String title = fresh ? null : before.currentTitle();
        int pages = fresh ? 0 : before.pagesThisVisit();
        double total = before == null ? 0 : before.cartTotal();
        String currency = before == null ? null : before.cartCurrency();
        int items = before == null ? 0 : before.cartItems();
        String step = fresh ? null : before.checkoutStep();
        String product = fresh ? null : before.lastProduct();
        Instant pageSince = fresh ? now : before.pageSince();
        for (TrackedEvent event : batch.events()) {
            switch (event.type()) {
                case "page" -> {
                    url = event.url();
                    title = event.title();
                    pages++;
                    pageSince = now;
                }
                case "cart" -> {
                    JsonNode cart = JSON.readTree(event.props());
                    total = cart.path("total").asDouble();
                    currency = cart.path("currency").isString()
                            ? cart.path("currency").asString()
                            : currency;
                    items = cart.path("items").isArray() ? cart.path("items").size() : items;
                }
                case "track" -> {
                    JsonNode props = JSON.readTree(event.props());
                    switch (event.name()) {
                        case "checkout_step" -> step = props.path("step").asString();
                        case "purchase" -> {
                            step = null;
                            total = 0;
                            items = 0;
                        }
                        case "product_view" ->
                            product = props.path("name").isString()
                                    ? props.path("name").asString()
                                    : props.path("sku").asString();
                        default -> {}
                    }
                }
                default -> {}
            }
        }
        return new LiveVisitor(
                account,
                inboxId,
                batch.visitorKey(),
                seller != null ? seller : before == null ? null : before.seller(),
                batch.language() != null ? batch.language() : before == null ? null : before.language(),
                before == null ? returning : before.returning() || returning,
                started,
                now,
                url,
                title,
                pages,
                total,
                currency,
                items,
                step,
                product,
                pageSince);
    }

    /** Everyone on the account's site now, most recently active first. */
    public List<LiveVisitor> live(AccountId account) {
        Instant cutoff = clock.instant().minus(GONE_AFTER);
        List<LiveVisitor> now = new ArrayList<>();
        for (LiveVisitor visitor : live.values()) {
            if (visitor.accountId().equals(account) && visitor.lastSeenAt().isAfter(cutoff)) {
                now.add(visitor);
            }
        }
        now.sort(Comparator.comparing(LiveVisitor::lastSeenAt).reversed());
        return now;
    }

    /** One visitor of the account on the site now; empty for another account's key. */
    public Optional<LiveVisitor> liveVisitor(AccountId account, String visitorKey) {
        return Optional.ofNullable(live.get(new Key(account.value(), visitorKey)));
    }

    /**
     * Records that the visitor is in a chat now (a conversation id), or no longer (null). The chat channel knows which
     * page visitor a chat socket belongs to; this module only keeps the link for the live list and the invitations.
     */
    public void chatting(AccountId account, String visitorKey, Long conversationId) {
        if (visitorKey == null) {
            return;
        }
        Key key = new Key(account.value(), visitorKey);
        if (conversationId == null) {
            chats.remove(key);
        } else {
            chats.put(key, conversationId);
        }
        changes.incrementAndGet();
    }

    /** The conversation the visitor is chatting in now, if any. */
    public Optional<Long> chatOf(AccountId account, String visitorKey) {
        return Optional.ofNullable(chats.get(new Key(account.value(), visitorKey)));
    }

    /** Rises with every accepted batch: a cheap way for the live list to tell whether anything changed. */
    public long changes() {
        return changes.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public long writtenCount() {
        return written.get();
    }

    /** Writes what has queued since the last run in a few multi-row batches. */
    @Scheduled(fixedDelayString = "${sohbet.visitor.flush-millis:250}")
    public synchronized void flush() {
        List<Seen> visitors = new ArrayList<>(seen.size());
        // Drained through the iterator: copying the key set and removing key by key was the writer's main cost.
        for (var entries = seen.entrySet().iterator(); entries.hasNext(); ) {
            visitors.add(entries.next().getValue());
            entries.remove();
        }
        if (!visitors.isEmpty()) {
            upsert(visitors);
        }
        List<Pending> events = new ArrayList<>();
        Pending next;
        while ((next = pending.poll()) != null) {
            queued.decrementAndGet();
            events.add(next);
            if (events.size() == WRITE_BATCH) {
                write(events);
                events.clear();
            }
        }
        if (!events.isEmpty()) {
            write(events);
        }
        Instant now = clock.instant();
        // Visitors are forgotten 30 minutes after their last batch; sweeping the whole live map once every few
        // seconds is soon enough, four times a second cost a full pass over 10,000 visitors each time.
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(SWEEP_EVERY);
            Instant forget = now.minus(NEW_VISIT_AFTER);
            live.entrySet().removeIf(entry -> {
                boolean gone = entry.getValue().lastSeenAt().isBefore(forget);
                if (gone) {
                    chats.remove(entry.getKey());
                }
                return gone;
            });
        }
    }

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);
    private Instant nextSweep = Instant.EPOCH;

    private void upsert(List<Seen> visitors) {
        try {
            jdbc.batchUpdate("""
                    insert into visitor (account_id, visitor_key, inbox_id, seller, ip_prefix, language, first_seen_at, last_seen_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (account_id, visitor_key) do update set
                        inbox_id = excluded.inbox_id,
                        seller = coalesce(excluded.seller, visitor.seller),
                        ip_prefix = coalesce(excluded.ip_prefix, visitor.ip_prefix),
                        language = coalesce(excluded.language, visitor.language),
                        last_seen_at = excluded.last_seen_at
                    """, visitors, WRITE_BATCH, (ps, v) -> {
                Timestamp at = Timestamp.from(v.at());
                ps.setLong(1, v.account().value());
                ps.setString(2, v.visitorKey());
                ps.setLong(3, v.inbox());
                ps.setString(4, v.seller());
                ps.setString(5, v.ip());
                ps.setString(6, v.language());
                ps.setTimestamp(7, at);
                ps.setTimestamp(8, at);
            });
        } catch (DataAccessException e) {
            log.warn("Could not record {} visitors: {}", visitors.size(), e.getMessage());
        }
    }

    private void write(List<Pending> events) {
        try {
            insert(events);
        } catch (DataAccessException e) {
            // An account deleted while its events queued fails the batch; the rest must not stop the writer.
            log.warn("Could not write {} visitor events: {}", events.size(), e.getMessage());
            rejected.addAndGet(events.size());
        }
    }

    private void insert(List<Pending> events) {
        jdbc.batchUpdate(
                "insert into visitor_event (account_id, visitor_key, type, name, url, props, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?)",
                events,
                WRITE_BATCH,
                (ps, p) -> {
                    TrackedEvent e = p.event();
                    ps.setLong(1, p.account().value());
                    ps.setString(2, p.visitorKey());
                    ps.setString(3, e.type());
                    ps.setString(4, e.name());
                    ps.setString(5, e.url());
                    ps.setString(6, withTime(e));
                    ps.setTimestamp(7, Timestamp.from(p.at()));
                });
        written.addAndGet(events.size());
    }

    private static String withTime(TrackedEvent e) {
        if (e.title() == null && e.millis() == 0) {
            return e.props();
        }
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(e.props());
        if (e.title() != null) {
            node.put("title", e.title());
        }
        if (e.millis() > 0) {
            node.put("ms", e.millis());
        }
        return JSON.writeValueAsString(node);
    }

    /** A visitor's stored events, newest last, for the conversation's journey. */
    public List<JourneyStep> journey(AccountId account, String visitorKey, int limit) {
        return jdbc.query(
                "select type, name, url, props::text, occurred_at from ("
                        + " select * from visitor_event where account_id = ? and visitor_key = ?"
                        + " order by occurred_at desc, id desc limit ?) recent order by occurred_at, id",
                (rs, n) -> new JourneyStep(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                account.value(),
                visitorKey,
                limit);
    }

    /** One stored step of a visitor's journey. */
    public record JourneyStep(String type, String name, String url, String props, Instant at) {}
}
