// Routing decisions at a fixed arrival rate, with Sohbet itself in this JVM (issue 4's routing budget). Run from
// source on the unpacked jar's class path; bench/inbox-load.sh's "decisions" mode does it:
//
//   java -cp 'APP/BOOT-INF/classes:APP/BOOT-INF/lib/*' bench/RoutingDecisions.java \
//        [--seconds 30] [--warmup 60] [--rate 200] [--hold 5]
//
// The "routing" mode of bench/InboxLoad.java drives whole visitors over the network: a WebSocket handshake, hello,
// one message, and a resolve over HTTP. On two cores shared with that load generator the visitor edge saturates the
// machine near 60-80 arrivals a second, long before the router does. This driver feeds the router directly, so that
// its decisions can be measured at 200 arrivals a second: each arrival makes the same service calls the visitor
// socket makes for a new visitor's first message (Contacts.createAnonymous, then Conversations.postFirstFromContact,
// which stores the message, queues the conversation and runs the router in the same transaction), and HOLD seconds
// after its start the account's owner resolves it through Conversations.resolve, as the console's resolve action
// does. What is left out is the visitor edge only: the socket, its session row, the welcome and the HTTP request.
//
// Sohbet starts from the environment the script sets (database, data dir, port), so the drains, caches and commit
// hooks are the real ones. The 50 agents go online through Availability.choose. The measured window's ids are
// printed as bench/InboxLoad.java prints them, and bench/inbox-routing-check.sql reads decision times, double
// assignments and every agent's load from the message table afterwards.

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sohbet.SohbetApplication;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.i18n.Language;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

public class RoutingDecisions {

    static final Map<String, String> options = new HashMap<>();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        int hold = Integer.parseInt(options.getOrDefault("hold", "5"));

        ConfigurableApplicationContext app = SpringApplication.run(SohbetApplication.class);
        int exit = 0;
        try {
            exit = drive(app, rate, seconds, warmup, hold);
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    static long owner(int account) {
        return 10L * (account - 1) + 1;
    }

    static long websiteInbox(int account) {
        return 3L * (account - 1) + 1;
    }

    static int drive(ConfigurableApplicationContext app, int rate, int seconds, int warmup, int hold)
            throws Exception {
        Availability availability = app.getBean(Availability.class);
        Contacts contacts = app.getBean(Contacts.class);
        Conversations conversations = app.getBean(Conversations.class);

        SignedInAgent[] owners = new SignedInAgent[6];
        for (int account = 1; account <= 5; account++) {
            AccountId accountId = new AccountId(account);
            for (long agent = owner(account); agent < owner(account) + 10; agent++) {
                Role role = agent == owner(account) ? Role.OWNER : agent == owner(account) + 1 ? Role.ADMIN : Role.AGENT;
                SignedInAgent signedIn = new SignedInAgent(new AgentId(agent), accountId, role, Instant.now());
                availability.choose(signedIn, "online");
                if (role == Role.OWNER) {
                    owners[account] = signedIn;
                }
            }
        }
        System.out.printf("decisions: Sohbet in this JVM, 50 agents online; %d arrivals/s over 5 website inboxes for "
                + "%d s after %d s warm-up; each chat resolved %d s after it starts%n", rate, seconds, warmup, hold);

        long periodNanos = 1_000_000_000L / rate;
        int total = rate * (warmup + seconds);
        int firstMeasured = rate * warmup;
        long start = System.nanoTime() + 200_000_000L;
        AtomicLong minMeasuredId = new AtomicLong(Long.MAX_VALUE);
        AtomicLong minId = new AtomicLong(Long.MAX_VALUE);
        AtomicLong maxId = new AtomicLong(0);
        LongAdder created = new LongAdder();
        LongAdder resolved = new LongAdder();
        LongAdder failed = new LongAdder();
        long[] postNanos = new long[total];
        long[] lateNanos = new long[total];
        List<Thread> arrivals = new ArrayList<>(total);
        for (int k = 0; k < total; k++) {
            int index = k;
            long at = start + k * periodNanos;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            arrivals.add(Thread.ofVirtual().start(() -> {
                int account = 1 + index % 5;
                AccountId accountId = new AccountId(account);
                try {
                    long began = System.nanoTime();
                    lateNanos[index] = began - at;
                    var contact = contacts.createAnonymous(accountId, null, null);
                    var started = conversations.postFirstFromContact(
                            accountId,
                            websiteInbox(account),
                            contact.id(),
                            UUID.randomUUID().toString(),
                            "Hello, visitor " + index + " here: where is my order?",
                            null,
                            Language.ENGLISH);
                    postNanos[index] = System.nanoTime() - began;
                    long id = started.conversation().id().value();
                    created.increment();
                    minId.accumulateAndGet(id, Math::min);
                    maxId.accumulateAndGet(id, Math::max);
                    if (index >= firstMeasured) {
                        minMeasuredId.accumulateAndGet(id, Math::min);
                    }
                    long until = at + hold * 1_000_000_000L - System.nanoTime();
                    if (until > 0) {
                        Thread.sleep(Duration.ofNanos(until));
                    }
                    conversations.resolve(owners[account], started.conversation().id());
                    resolved.increment();
                } catch (Exception e) {
                    failed.increment();
                    if (failed.sum() <= 5) {
                        System.out.println("arrival failed: " + e);
                    }
                }
            }));
        }
        for (Thread t : arrivals) {
            t.join();
        }
        System.out.printf("arrivals %d, conversations created %d, resolved %d, failed %d%n", total, created.sum(),
                resolved.sum(), failed.sum());
        report("arrival: contact and first message, routed, committed", postNanos, firstMeasured);
        report("arrival: started behind its schedule", lateNanos, firstMeasured);
        System.out.printf("WINDOW from_id=%d to_id=%d first_id=%d%n", minMeasuredId.get(), maxId.get(), minId.get());
        System.out.printf("RESULT decisions arrivals=%d rate=%d created=%d failed=%d%n", total, rate, created.sum(),
                failed.sum());
        return failed.sum() == 0 ? 0 : 1;
    }

    /** Percentiles of the measured part (from index {@code from}) in milliseconds. */
    static void report(String what, long[] nanos, int from) {
        long[] measured = Arrays.copyOfRange(nanos, from, nanos.length);
        Arrays.sort(measured);
        if (measured.length == 0) {
            return;
        }
        System.out.printf("%s: n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms%n", what, measured.length,
                at(measured, 0.50), at(measured, 0.95), at(measured, 0.99), measured[measured.length - 1] / 1e6);
    }

    static double at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
