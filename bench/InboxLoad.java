// Inbox, open-conversation and routing load for Sohbet on the database of bench/inbox-data.sql. JDK only, run from
// source (bench/inbox-load.sh runs it):
//
//   java bench/InboxLoad.java lists   --port P --password W [--seconds 30] [--warmup 10] [--clients 2]
//   java bench/InboxLoad.java open    --port P --password W [--seconds 30] [--warmup 10] [--clients 2]
//   java bench/InboxLoad.java routing --port P --password W [--seconds 30] [--warmup 10] [--rate 200] [--hold 5]
//
// lists: ten agents (each account's owner and one agent-role member) sign in; CLIENTS threads request inbox lists
// in a closed loop: GET /console/inbox/list for the views (unassigned, mine, all, team) and statuses, with inbox and
// label filters, resolved lists followed five pages deep along the "after" cursor of each answer, and the whole
// /console/inbox page. Every answer includes the counts beside the views. Latency is the client's wall time of the
// request, answer read in full.
// open: GET /console/conversations/{id} for the 200 conversations with 500 messages (and, for comparison, ones
// with 3-17), as the owner of account 1.
// routing: all 50 agents sign in and go online (POST /console/availability). Visitors arrive at RATE a second,
// spread over the five accounts' website inboxes: each opens /ws/visitor, says hello, sends one message (a new
// conversation, queued and offered by routing), and HOLD seconds after its start the account's owner resolves it
// (POST /console/conversations/{id}/resolve), which frees capacity as chats end in a shift. Prints the conversation
// ids of the measured window; bench/inbox-routing-check.sql then reads decision times, double assignments and
// loads from the message table.
//
// The server must run with SOHBET_RATE_LIMITS_ENABLED=false: one address opens every visitor session.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class InboxLoad {

    static final Pattern CSRF1 = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    static final Pattern CSRF2 = Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("SOHBET_SESSION=([^;]+)");
    static final Pattern NEXT = Pattern.compile("after=(-?\\d+-\\d+)");
    static final Pattern CONVERSATION = Pattern.compile("\"conversation\":(\\d+)");
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    static Map<String, String> opts = new HashMap<>();
    static String base;
    static String wsBase;
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: InboxLoad lists|open|routing --port P --password W [options]");
            System.exit(2);
        }
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = "http://127.0.0.1:" + opt("port", "8080");
        wsBase = "ws://127.0.0.1:" + opt("port", "8080");
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        switch (args[0]) {
            case "lists" -> lists();
            case "open" -> open();
            case "routing" -> routing();
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    static String opt(String name, String fallback) {
        return opts.getOrDefault(name, fallback);
    }

    static int intOpt(String name, int fallback) {
        return Integer.parseInt(opt(name, Integer.toString(fallback)));
    }

    // ---- The generated data's layout (bench/inbox-data.sql) ----------------------------------------------------

    static String email(long agent) {
        return "agent" + agent + "@bench.test";
    }

    static long owner(int account) {
        return 10L * (account - 1) + 1;
    }

    static long websiteInbox(int account) {
        return 3L * (account - 1) + 1;
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    static String cookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A signed-in console session: its cookie and the CSRF token of its console pages. */
    record Session(long agent, String cookie, String csrf) {}

    static Session login(long agent) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF1.matcher(form.body());
        if (!m.find()) {
            m = CSRF2.matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("no _csrf field on /login");
            }
        }
        String csrf = m.group(1).replace("&#45;", "-");
        String session = cookie(form);
        String body = "email=" + enc(email(agent)) + "&password=" + enc(opt("password", "")) + "&_csrf=" + enc(csrf);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            post.header("Cookie", "SOHBET_SESSION=" + session);
        }
        HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        String signedIn = cookie(answer);
        String location = answer.headers().firstValue("location").orElse("");
        if (answer.statusCode() != 302 || signedIn == null || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + email(agent) + " failed: " + answer.statusCode() + " "
                    + location);
        }
        HttpResponse<String> page = get(signedIn, "/console/inbox");
        Matcher meta = CSRF_META.matcher(page.body());
        if (page.statusCode() != 200 || !meta.find()) {
            throw new IllegalStateException("no console page for " + email(agent) + ": " + page.statusCode());
        }
        return new Session(agent, signedIn, meta.group(1).replace("&#45;", "-"));
    }

    static HttpResponse<String> get(String cookie, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", "SOHBET_SESSION=" + cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Session s, String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", "SOHBET_SESSION=" + s.cookie())
                        .header("Origin", base)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + enc(s.csrf()) + (form.isEmpty() ? "" : "&" + form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- Latency bookkeeping --------------------------------------------------------------------------------

    /** Latencies in nanoseconds per category; only requests started after the warm-up are recorded. */
    static final class Samples {
        final Map<String, ConcurrentLinkedQueue<Long>> byCategory = new ConcurrentHashMap<>();
        final LongAdder failures = new LongAdder();
        volatile boolean recording;

        void add(String category, long nanos) {
            if (recording) {
                byCategory.computeIfAbsent(category, k -> new ConcurrentLinkedQueue<>()).add(nanos);
            }
        }

        long[] sorted(String category) {
            long[] values = byCategory.getOrDefault(category, new ConcurrentLinkedQueue<>()).stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            Arrays.sort(values);
            return values;
        }

        long[] all() {
            long[] values = byCategory.values().stream()
                    .flatMap(q -> q.stream())
                    .mapToLong(Long::longValue)
                    .toArray();
            Arrays.sort(values);
            return values;
        }

        void print(String mode, double window) {
            for (String category : new TreeMap<>(byCategory).keySet()) {
                line("  " + category, sorted(category));
            }
            long[] all = all();
            line("all requests", all);
            System.out.printf("%d requests in %.1f s (%.0f/s), %d failed%n", all.length, window, all.length / window,
                    failures.sum());
            System.out.printf("RESULT %s requests=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f failed=%d%n", mode, all.length,
                    pct(all, 50), pct(all, 95), pct(all, 99), max(all), failures.sum());
        }

        static void line(String name, long[] v) {
            System.out.printf("%-44s n=%6d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", name, v.length,
                    pct(v, 50), pct(v, 95), pct(v, 99), max(v));
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** Requests one path, checks for 200 and records the latency; answers the body, or null on failure. */
    static String timed(Samples samples, String category, String cookie, String path) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = get(cookie, path);
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                samples.failures.increment();
                if (samples.failures.sum() <= 5) {
                    System.out.println("failed: " + r.statusCode() + " " + path);
                }
                return null;
            }
            samples.add(category, t1 - t0);
            return r.body();
        } catch (Exception e) {
            samples.failures.increment();
            return null;
        }
    }

    /** Runs the task in CLIENTS closed loops: WARMUP s unrecorded, then SECONDS recorded. */
    static void closedLoop(String mode, Samples samples, Consumer<Integer> task) throws Exception {
        int clients = intOpt("clients", 2);
        int warmup = intOpt("warmup", 10);
        int seconds = intOpt("seconds", 30);
        long end = System.nanoTime() + (warmup + seconds) * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    task.accept(i);
                    i += clients;
                }
            }));
        }
        Thread.sleep(warmup * 1000L);
        samples.recording = true;
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        samples.recording = false;
        System.out.printf("%s: %d clients in closed loops, %d s after %d s warm-up%n", mode, clients, seconds, warmup);
        samples.print(mode, (System.nanoTime() - t0) / 1e9);
    }

    // ---- Modes ------------------------------------------------------------------------------------------------

    record ListRequest(String category, String query, int pages) {}

    static void lists() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int account = 1; account <= 5; account++) {
            sessions.add(login(owner(account)));
            sessions.add(login(owner(account) + 4)); // role agent, in team 2 (bench/inbox-data.sql)
        }
        List<ListRequest> requests = new ArrayList<>();
        for (String status : List.of("open", "pending", "snoozed", "resolved")) {
            for (String view : List.of("unassigned", "mine", "all")) {
                requests.add(new ListRequest(status + " " + view, "view=" + view + "&status=" + status, 1));
            }
        }
        Samples samples = new Samples();
        List<Map.Entry<Session, ListRequest>> work = new ArrayList<>();
        for (Session s : sessions) {
            int account = (int) ((s.agent() - 1) / 10 + 1);
            long team = 3L * (account - 1) + 2;
            long inbox = websiteInbox(account);
            long label = 8L * (account - 1) + 2;
            List<ListRequest> mine = new ArrayList<>(requests);
            mine.add(new ListRequest("pending team", "view=team&team=" + team + "&status=pending", 1));
            mine.add(new ListRequest("resolved team", "view=team&team=" + team + "&status=resolved", 1));
            mine.add(new ListRequest("resolved all inbox", "view=all&status=resolved&inbox=" + inbox, 1));
            mine.add(new ListRequest("resolved all label", "view=all&status=resolved&label=" + label, 1));
            mine.add(new ListRequest("pending all label", "view=all&status=pending&label=" + label, 1));
            mine.add(new ListRequest("resolved all, pages 2-6", "view=all&status=resolved", 6));
            mine.add(new ListRequest("resolved mine, pages 2-6", "view=mine&status=resolved", 6));
            mine.add(new ListRequest("page /console/inbox (open all)", null, 1));
            // The "most urgent first" sort (ADR 29) of the work in hand, followed along its cursor.
            mine.add(new ListRequest("open unassigned urgent", "view=unassigned&status=open&sort=urgent", 1));
            mine.add(new ListRequest("pending all urgent, pages 2-6", "view=all&status=pending&sort=urgent", 6));
            mine.add(new ListRequest("snoozed mine urgent", "view=mine&status=snoozed&sort=urgent", 1));
            for (ListRequest r : mine) {
                work.add(Map.entry(s, r));
            }
        }
        System.out.printf("lists: %d agents, %d kinds of request each%n", sessions.size(), work.size() / sessions.size());
        closedLoop("lists", samples, i -> {
            var item = work.get(Math.floorMod(i * 7919, work.size()));
            Session s = item.getKey();
            ListRequest r = item.getValue();
            if (r.query() == null) {
                timed(samples, r.category(), s.cookie(), "/console/inbox");
                return;
            }
            String query = r.query();
            String body = timed(samples, r.pages() > 1 ? r.category().replace(", pages 2-6", ", page 1") : r.category(),
                    s.cookie(), "/console/inbox/list?" + query);
            for (int page = 2; page <= r.pages() && body != null; page++) {
                Matcher next = NEXT.matcher(body);
                if (!next.find()) {
                    break;
                }
                body = timed(samples, r.category(), s.cookie(), "/console/inbox/list?" + query + "&after=" + next.group(1));
            }
        });
    }

    static void open() throws Exception {
        Session owner = login(owner(1));
        Samples samples = new Samples();
        HttpResponse<String> check = get(owner.cookie(), "/console/conversations/5000");
        int lines = check.body().split("data-seq=", -1).length - 1;
        System.out.printf("open: conversation 5000 answers %d, %d KiB, %d elements with data-seq%n",
                check.statusCode(), check.body().length() / 1024, lines);
        closedLoop("open", samples, i -> {
            if (i % 10 == 9) {
                // For comparison: an ordinary conversation of account 1 (3-17 messages).
                long id = 5L * (1 + Math.floorMod(i * 7919L, 190000));
                timed(samples, "ordinary conversation (3-17 messages)", owner.cookie(), "/console/conversations/" + id);
            } else {
                long id = 5000L * (1 + Math.floorMod(i, 199));
                timed(samples, "conversation with 500 messages", owner.cookie(), "/console/conversations/" + id);
            }
        });
        // The budget is for the 500-message case: the RESULT line says so.
        long[] big = samples.sorted("conversation with 500 messages");
        System.out.printf("RESULT open500 requests=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", big.length, pct(big, 50),
                pct(big, 95), pct(big, 99), max(big));
    }

    // ---- Routing ----------------------------------------------------------------------------------------------

    /** A socket whose whole text frames go to one handler; sends are serialized, as java.net.http requires. */
    static final class Socket implements WebSocket.Listener {
        final Consumer<String> onFrame;
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;
        CompletableFuture<WebSocket> last = CompletableFuture.completedFuture(null);

        Socket(Consumer<String> onFrame) {
            this.onFrame = onFrame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            partial.append(data);
            if (lastPart) {
                String frame = partial.toString();
                partial.setLength(0);
                onFrame.accept(frame);
            }
            webSocket.request(1);
            return null;
        }

        synchronized CompletableFuture<WebSocket> send(String json) {
            last = last.thenCompose(x -> ws.sendText(json, true));
            return last;
        }
    }

    static boolean isType(String frame, String type) {
        return frame.startsWith("{\"type\":\"" + type + "\"") || frame.contains("\"type\":\"" + type + "\"");
    }

    static final ConcurrentHashMap<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

    static void routing() throws Exception {
        int rate = intOpt("rate", 200);
        int seconds = intOpt("seconds", 30);
        int warmup = intOpt("warmup", 10);
        int hold = intOpt("hold", 5);
        Session[] owners = new Session[6];
        for (int account = 1; account <= 5; account++) {
            for (long agent = owner(account); agent < owner(account) + 10; agent++) {
                Session s = login(agent);
                HttpResponse<String> r = post(s, "/console/availability", "state=online");
                if (r.statusCode() != 302 && r.statusCode() != 200) {
                    throw new IllegalStateException("availability of " + email(agent) + ": " + r.statusCode());
                }
                if (agent == owner(account)) {
                    owners[account] = s;
                }
            }
        }
        System.out.printf("routing: 50 agents online; %d arrivals/s over 5 website inboxes for %d s after %d s "
                + "warm-up; each chat resolved %d s after it starts%n", rate, seconds, warmup, hold);
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
        long[] ackNanos = new long[total];
        List<Thread> arrivals = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            int index = k;
            long at = start + k * periodNanos;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            arrivals.add(Thread.ofVirtual().start(() -> {
                int account = 1 + index % 5;
                try {
                    long id = arrive(account, index, at, ackNanos);
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
                    HttpResponse<String> r = post(owners[account], "/console/conversations/" + id + "/resolve", "");
                    if (r.statusCode() == 302 || r.statusCode() == 200) {
                        resolved.increment();
                    } else {
                        failed.increment();
                    }
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
        long[] acks = Arrays.copyOfRange(ackNanos, firstMeasured, total);
        Arrays.sort(acks);
        System.out.printf("arrivals %d, conversations created %d, resolved %d, failed %d, visitor errors %s%n", total,
                created.sum(), resolved.sum(), failed.sum(), errorCodes);
        Samples.line("visitor: socket open to first ack (client)", acks);
        System.out.printf("WINDOW from_id=%d to_id=%d first_id=%d%n", minMeasuredId.get(), maxId.get(), minId.get());
        System.out.printf("RESULT routing arrivals=%d rate=%d created=%d failed=%d%n", total, rate, created.sum(),
                failed.sum());
    }

    /** One visitor: socket, hello, first message; answers the new conversation's id once the message is acked. */
    static long arrive(int account, int index, long at, long[] ackNanos) throws Exception {
        CountDownLatch welcomed = new CountDownLatch(1);
        CompletableFuture<Long> acked = new CompletableFuture<>();
        Socket socket = new Socket(frame -> {
            if (isType(frame, "welcome")) {
                welcomed.countDown();
            } else if (isType(frame, "ack")) {
                Matcher m = CONVERSATION.matcher(frame);
                if (m.find()) {
                    acked.complete(Long.parseLong(m.group(1)));
                }
            } else if (isType(frame, "error")) {
                Matcher m = CODE.matcher(frame);
                errorCodes.computeIfAbsent(m.find() ? m.group(1) : "?", k -> new LongAdder()).increment();
                acked.completeExceptionally(new IllegalStateException(frame));
            }
        });
        socket.ws = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .header("Origin", base)
                .buildAsync(URI.create(wsBase + "/ws/visitor"), socket)
                .join();
        try {
            String key = "bench-inbox-" + websiteInbox(account) + "-key";
            socket.send("{\"type\":\"hello\",\"inbox\":\"" + key
                    + "\",\"token\":null,\"identity\":null,\"lang\":\"en\",\"after\":0}");
            if (!welcomed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no welcome");
            }
            socket.send("{\"type\":\"send\",\"clientId\":\"" + UUID.randomUUID()
                    + "\",\"text\":\"Hello, visitor " + index + " here: where is my order?\"}");
            long id = acked.get(30, TimeUnit.SECONDS);
            ackNanos[index] = System.nanoTime() - at;
            return id;
        } finally {
            // The visitor stays until its chat is resolved in real life; here the socket closes after the ack, which
            // marks the visitor as gone (a missed chat if nobody answered) but changes nothing in routing.
            socket.ws.abort();
        }
    }
}
