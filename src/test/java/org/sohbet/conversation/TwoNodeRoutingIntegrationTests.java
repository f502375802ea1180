package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.ApplicationProcess;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestDatabase;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database: this test's application, and a second Sohbet in a process of its own that serves
 * visitors over its WebSocket. Arrivals on both, drains after resolves on this one and the second node's own sweep
 * race for the same agents; the account's advisory lock in PostgreSQL is the only thing they share.
 */
class TwoNodeRoutingIntegrationTests extends PostgresIntegrationTest {

    private static final int CAPACITY = 3;
    private static final int AGENTS = 4;
    private static final int PER_NODE = 24;
    private static final int RESOLVED = 8;

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    @Autowired
    Availability availability;

    @Autowired
    Inboxes inboxes;

    @Autowired
    Routing routing;

    @Autowired
    DataSource dataSource;

    RoutingFixture shop;

    @BeforeEach
    void shop() {
        shop = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@shop.test", true);
    }

    @Test
    void arrivalsOnTwoNodesNeverAssignTwiceNorExceedALimit() throws Exception {
        List<SignedInAgent> agents = new ArrayList<>();
        for (String name : List.of("Ali", "Bea", "Cem", "Dan")) {
            agents.add(shop.online(name, CAPACITY));
        }
        String key = jdbc.sql("select public_key from livechat_inbox where inbox_id = :inbox")
                .param("inbox", shop.inbox)
                .query(String.class)
                .single();

        try (ApplicationProcess second = ApplicationProcess.start(secondNodeEnvironment())) {
            second.awaitHealthy(Duration.ofSeconds(180));

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> arrivals = new ArrayList<>();
                for (int i = 0; i < PER_NODE; i++) {
                    int n = i;
                    arrivals.add(pool.submit(() -> visitorOn(second.port(), key, "visitor b" + n)));
                    arrivals.add(
                            pool.submit(() -> shop.arrive("visitor a" + n).id().value()));
                }
                List<Long> ids = new ArrayList<>();
                for (Future<Long> arrival : arrivals) {
                    ids.add(arrival.get(60, TimeUnit.SECONDS));
                }
                assertThat(ids)
                        .as("one conversation per visitor")
                        .doesNotHaveDuplicates()
                        .hasSize(2 * PER_NODE);

                // Agents end chats while the second node keeps taking visitors: each resolve here asks this node to
                // drain the queue, and the second node's arrivals and sweep decide at the same time.
                List<Future<?>> work = new ArrayList<>();
                List<Long> assigned = jdbc.sql("select id from conversation where assignee_id is not null"
                                + " and status = 'open' order by id limit :n")
                        .param("n", RESOLVED)
                        .query(Long.class)
                        .list();
                assertThat(assigned).hasSize(RESOLVED);
                for (int i = 0; i < RESOLVED; i++) {
                    long id = assigned.get(i);
                    int n = i;
                    work.add(pool.submit(() -> conversations.resolve(shop.owner, new ConversationId(id))));
                    work.add(pool.submit(() -> visitorOn(second.port(), key, "late visitor " + n)));
                }
                for (Future<?> f : work) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdown();
            }
            routing.drain(shop.owner.accountId());

            int total = 2 * PER_NODE + RESOLVED;
            int open = total - RESOLVED;
            awaitFull(agents.size() * CAPACITY);
            Map<Long, Long> loads = new HashMap<>();
            jdbc.sql("select assignee_id, count(*) n from conversation where status = 'open'"
                            + " and assignee_id is not null group by assignee_id")
                    .query(rs -> {
                        loads.put(rs.getLong("assignee_id"), rs.getLong("n"));
                    });
            assertThat(loads.values())
                    .as("every agent full, none over " + CAPACITY)
                    .containsOnly((long) CAPACITY)
                    .hasSize(AGENTS);
            assertThat(jdbc.sql("select count(*) from conversation where assignee_id is null and queued_at is not null")
                            .query(Long.class)
                            .single())
                    .as("the rest wait in the queue")
                    .isEqualTo(open - AGENTS * CAPACITY);
            assertThat(jdbc.sql("select conversation_id from message where activity in ('assigned', 'claimed')"
                                    + " group by conversation_id having count(*) > 1")
                            .query(Long.class)
                            .list())
                    .as("no conversation assigned twice")
                    .isEmpty();
            assertThat(highestReplayedLoad())
                    .as("no agent's load ever over its limit")
                    .isEqualTo(CAPACITY);
            assertThat(jdbc.sql("select count(*) from conversation")
                            .query(Long.class)
                            .single())
                    .isEqualTo(total);
            second.stop();
        }
    }

    /** The second node: the same database, a data directory of its own, no rate limits for one test address. */
    private Map<String, String> secondNodeEnvironment() throws Exception {
        Map<String, String> environment = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            environment.put("SOHBET_DATABASE_URL", connection.getMetaData().getURL());
            environment.put("SOHBET_DATABASE_USER", connection.getMetaData().getUserName());
        }
        String password = System.getenv("SOHBET_TEST_DATABASE_PASSWORD");
        if (password != null && !password.isBlank()) {
            environment.put("SOHBET_DATABASE_PASSWORD", password);
        }
        environment.put(
                "SOHBET_DATA_DIR",
                TestDatabase.freshDataDirectory("second-node-").toString());
        environment.put("SOHBET_RATE_LIMITS_ENABLED", "false");
        environment.put("SOHBET_ROUTING_SWEEP_MILLIS", "500");
        return environment;
    }

    /** A visitor of the second node: socket, hello, a first message; answers the conversation the ack names. */
    private static long visitorOn(int port, String inboxKey, String text) {
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            Map<String, Object> hello = new HashMap<>();
            hello.put("type", "hello");
            hello.put("inbox", inboxKey);
            hello.put("token", null);
            hello.put("lang", "en");
            hello.put("after", 0);
            socket.send(hello);
            socket.next("welcome");
            socket.send(Map.of("type", "send", "clientId", UUID.randomUUID().toString(), "text", text));
            JsonNode ack = socket.next("ack");
            return ack.path("conversation").asLong();
        }
    }

    /** Drains run after commit on either node: wait until the agents' chats add up to their capacity. */
    private void awaitFull(int slots) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            long open = jdbc.sql("select count(*) from conversation where status = 'open' and assignee_id is not null")
                    .query(Long.class)
                    .single();
            if (open >= slots) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * Each agent's load replayed in message-id order: +1 at an assignment, -1 at the resolve that followed it. An
     * assignment's activity is written after it counted the loads, so a decision made on a load it read before a
     * resolve's commit still replays after that resolve.
     */
    private long highestReplayedLoad() {
        Map<Long, Long> agentOf = new HashMap<>();
        Map<Long, Long> load = new HashMap<>();
        long[] highest = {0};
        jdbc.sql("select conversation_id, activity, subject_agent_id from message"
                        + " where activity in ('assigned', 'claimed', 'resolved') order by id")
                .query(rs -> {
                    long conversation = rs.getLong("conversation_id");
                    if ("resolved".equals(rs.getString("activity"))) {
                        Long agent = agentOf.remove(conversation);
                        if (agent != null) {
                            load.merge(agent, -1L, Long::sum);
                        }
                    } else {
                        long agent = rs.getLong("subject_agent_id");
                        agentOf.put(conversation, agent);
                        highest[0] = Math.max(highest[0], load.merge(agent, 1L, Long::sum));
                    }
                });
        return highest[0];
    }
}
