// Live-chat load generator for Sohbet: visitor sockets that send, an agent socket that receives (docs/protocol.md).
// JDK only, run from source:
//
//   java bench/ChatLoad.java latency    --port P --email E --password W [--rate 1000] [--seconds 30] [--visitors 100]
//   java bench/ChatLoad.java throughput --port P --email E --password W [--seconds 30] [--visitors 200]
//   java bench/ChatLoad.java idle       --port P [--sockets 10000] [--hold 60]
//
// latency: VISITORS sockets send RATE messages a second in total, each on its own fixed schedule. Every message text
// starts with "t=<nanoTime of its scheduled send>"; the agent socket reads it back from the "preview" of the
// conversation notice that every stored message produces on the account topic. The stamp is the scheduled time, not
// the time the send happened, so a stalled sender counts as latency (no coordinated omission). The first --warmup
// seconds (default 5) are sent but not counted.
// throughput: VISITORS sockets each send, wait for the ack, and send again, for SECONDS. Counts acks (stored) and
// notices on the agent socket (delivered).
// idle: opens SOCKETS visitor sockets, each says hello and waits for its welcome, prints "HOLDING n", holds them for
// HOLD seconds, then prints how many are still open.
//
// The server must run with SOHBET_RATE_LIMITS_ENABLED=false: one address and a high rate hit the widget's limits.

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ChatLoad {

    static final Pattern STAMP = Pattern.compile("\"preview\":\"t=(\\d+) ");
    static final Pattern CSRF1 = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    static final Pattern CSRF2 = Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");
    static final Pattern INBOX = Pattern.compile("data-inbox=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("SOHBET_SESSION=([^;]+)");

    static Map<String, String> opts = new HashMap<>();
    static String base;
    static String wsBase;
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ChatLoad latency|throughput|idle --port P [options]");
            System.exit(2);
        }
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String host = opt("host", "127.0.0.1");
        base = "http://" + host + ":" + opt("port", "8080");
        wsBase = "ws://" + host + ":" + opt("port", "8080");
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        switch (args[0]) {
            case "latency" -> latency();
            case "throughput" -> throughput();
            case "idle" -> idle();
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

    // ---- HTTP: the inbox key and the agent's sign-in -------------------------------------------------------------

    static String inboxKey() throws Exception {
        String html = http.send(HttpRequest.newBuilder(URI.create(base + "/demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = INBOX.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no data-inbox on /demo: is the first account set up?");
        }
        return m.group(1);
    }

    static String cookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Signs in through the login form (CSRF token and session cookie) and returns the new SOHBET_SESSION. */
    static String login(String email, String password) throws Exception {
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
        String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
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
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
        }
        return signedIn;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- Sockets ----------------------------------------------------------------------------------------------

    /** A socket whose whole text frames go to one handler; sends are serialized, as java.net.http requires. */
    static final class Socket implements WebSocket.Listener {
        final Consumer<String> onFrame;
        final StringBuilder partial = new StringBuilder();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile WebSocket ws;
        volatile String closeReason;
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = statusCode + " " + reason;
            closed.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason = "error " + error;
            closed.countDown();
        }

        synchronized CompletableFuture<WebSocket> send(String json) {
            last = last.thenCompose(x -> ws.sendText(json, true));
            return last;
        }

        boolean open() {
            return closed.getCount() > 0;
        }
    }

    static Socket connect(String path, String cookie, Consumer<String> onFrame) {
        Socket socket = new Socket(onFrame);
        WebSocket.Builder builder = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .header("Origin", base);
        if (cookie != null) {
            builder.header("Cookie", "SOHBET_SESSION=" + cookie);
        }
        socket.ws = builder.buildAsync(URI.create(wsBase + path), socket).join();
        return socket;
    }

    static String hello(String inbox) {
        return "{\"type\":\"hello\",\"inbox\":\"" + inbox + "\",\"token\":null,\"identity\":null,\"lang\":\"en\",\"after\":0}";
    }

    static String send(String text) {
        return "{\"type\":\"send\",\"clientId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}";
    }

    static boolean isType(String frame, String type) {
        return frame.startsWith("{\"type\":\"" + type + "\"") || frame.contains("\"type\":\"" + type + "\"");
    }

    /** A visitor socket after its welcome; acks and errors are counted, every frame also goes to extra. */
    static final class Visitor {
        final CountDownLatch welcomed = new CountDownLatch(1);
        final Semaphore acked = new Semaphore(0);
        Socket socket;
    }

    static final LongAdder acks = new LongAdder();
    static final LongAdder errors = new LongAdder();
    static final ConcurrentHashMap<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    static Visitor visitor(String inbox) throws InterruptedException {
        Visitor v = new Visitor();
        v.socket = connect("/ws/visitor", null, frame -> {
            if (isType(frame, "ack")) {
                acks.increment();
                v.acked.release();
            } else if (isType(frame, "welcome")) {
                v.welcomed.countDown();
            } else if (isType(frame, "error")) {
                errors.increment();
                Matcher m = CODE.matcher(frame);
                errorCodes.computeIfAbsent(m.find() ? m.group(1) : "?", k -> new LongAdder()).increment();
                v.acked.release();
            }
        });
        v.socket.send(hello(inbox));
        if (!v.welcomed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no welcome within 30 s: " + v.socket.closeReason);
        }
        return v;
    }

    static List<Visitor> visitors(String inbox, int n) throws Exception {
        List<Visitor> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(visitor(inbox));
        }
        return list;
    }

    /** The agent's socket; every conversation notice with a stamp goes to onStamp. */
    static Socket agent(String cookie, Consumer<Long> onStamp) throws InterruptedException {
        CountDownLatch welcomed = new CountDownLatch(1);
        Socket socket = connect("/ws/agent", cookie, frame -> {
            if (isType(frame, "conversation")) {
                long now = System.nanoTime();
                Matcher m = STAMP.matcher(frame);
                if (m.find()) {
                    onStamp.accept(now - Long.parseLong(m.group(1)));
                }
            } else if (isType(frame, "welcome")) {
                welcomed.countDown();
            }
        });
        if (!welcomed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("agent socket: no welcome: " + socket.closeReason);
        }
        return socket;
    }

    // ---- Modes ------------------------------------------------------------------------------------------------

    static void latency() throws Exception {
        int rate = intOpt("rate", 1000);
        int seconds = intOpt("seconds", 30);
        int warmup = intOpt("warmup", 5);
        int n = intOpt("visitors", 100);
        String inbox = inboxKey();
        String cookie = login(opt("email", ""), opt("password", ""));
        long[] samples = new long[rate * (seconds + warmup + 5)];
        AtomicLong count = new AtomicLong();
        LongAdder received = new LongAdder();
        long[] measureFrom = {Long.MAX_VALUE};
        Socket agent = agent(cookie, latencyNanos -> {
            received.increment();
            // The stamp is the scheduled send time; only messages scheduled after the warm-up count.
            if (System.nanoTime() - latencyNanos >= measureFrom[0]) {
                long i = count.getAndIncrement();
                if (i < samples.length) {
                    samples[(int) i] = latencyNanos;
                }
            }
        });
        List<Visitor> list = visitors(inbox, n);
        System.out.printf("latency: %d visitor sockets, 1 agent socket, %d msg/s for %d s after %d s warm-up%n",
                n, rate, seconds, warmup);
        long periodNanos = 1_000_000_000L * n / rate;
        long start = System.nanoTime() + 200_000_000L;
        measureFrom[0] = start + warmup * 1_000_000_000L;
        long end = measureFrom[0] + seconds * 1_000_000_000L;
        LongAdder sent = new LongAdder();
        LongAdder sentMeasured = new LongAdder();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Visitor v = list.get(i);
            long offset = periodNanos * i / n;
            senders.add(Thread.ofVirtual().start(() -> {
                for (long at = start + offset; at < end; at += periodNanos) {
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    v.socket.send(send("t=" + at + " latency probe")).join();
                    sent.increment();
                    if (at >= measureFrom[0]) {
                        sentMeasured.increment();
                    }
                }
            }));
        }
        long acksBefore = 0;
        sleepNanos(measureFrom[0] - System.nanoTime());
        acksBefore = acks.sum();
        for (Thread t : senders) {
            t.join();
        }
        long sendEnd = System.nanoTime();
        long acksAtEnd = acks.sum();
        // Let the last notices arrive.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.sum() < sent.sum() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int k = (int) Math.min(count.get(), samples.length);
        long[] measured = Arrays.copyOf(samples, k);
        Arrays.sort(measured);
        double window = (sendEnd - measureFrom[0]) / 1e9;
        System.out.printf("sent %d in the measured window (%.1f s): %.0f msg/s; acked in window %d (%.0f/s); "
                        + "all sent %d, acked %d, notices %d, errors %d %s%n",
                sentMeasured.sum(), window, sentMeasured.sum() / window, acksAtEnd - acksBefore,
                (acksAtEnd - acksBefore) / window, sent.sum(), acks.sum(), received.sum(), errors.sum(), errorCodes);
        System.out.printf("visitor send -> agent notice, %d samples: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  "
                        + "p99.9 %.1f ms  max %.1f ms%n",
                k, pct(measured, 50), pct(measured, 90), pct(measured, 99), pct(measured, 99.9),
                k == 0 ? Double.NaN : measured[k - 1] / 1e6);
        System.out.printf("RESULT latency rate=%.0f p50=%.1f p90=%.1f p99=%.1f max=%.1f samples=%d lost=%d%n",
                sentMeasured.sum() / window, pct(measured, 50), pct(measured, 90), pct(measured, 99),
                k == 0 ? Double.NaN : measured[k - 1] / 1e6, k, sentMeasured.sum() - k);
        agent.ws.abort();
        list.forEach(v -> v.socket.ws.abort());
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void throughput() throws Exception {
        int seconds = intOpt("seconds", 30);
        int warmup = intOpt("warmup", 5);
        int n = intOpt("visitors", 200);
        String inbox = inboxKey();
        String cookie = login(opt("email", ""), opt("password", ""));
        LongAdder delivered = new LongAdder();
        Socket agent = agent(cookie, latencyNanos -> delivered.increment());
        List<Visitor> list = visitors(inbox, n);
        System.out.printf("throughput: %d visitor sockets, one send in flight on each, 1 agent socket, %d s after "
                + "%d s warm-up%n", n, seconds, warmup);
        long start = System.nanoTime();
        long end = start + (warmup + seconds) * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        LongAdder sent = new LongAdder();
        LongAdder timeouts = new LongAdder();
        for (Visitor v : list) {
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        v.socket.send(send("t=" + System.nanoTime() + " throughput probe"));
                        sent.increment();
                        if (!v.acked.tryAcquire(30, TimeUnit.SECONDS)) {
                            timeouts.increment();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread.sleep(warmup * 1000L);
        long t0 = System.nanoTime();
        long acks0 = acks.sum();
        long delivered0 = delivered.sum();
        Thread.sleep(seconds * 1000L);
        long t1 = System.nanoTime();
        long acks1 = acks.sum();
        long delivered1 = delivered.sum();
        for (Thread t : senders) {
            t.join();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered.sum() < acks.sum() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double window = (t1 - t0) / 1e9;
        double stored = (acks1 - acks0) / window;
        double deliveredRate = (delivered1 - delivered0) / window;
        System.out.printf("measured window %.1f s: acked (stored) %d = %.0f msg/s; notices on the agent socket %d = "
                        + "%.0f msg/s%n", window, acks1 - acks0, stored, delivered1 - delivered0, deliveredRate);
        System.out.printf("whole run: sent %d, acked %d, delivered %d, errors %d %s, ack timeouts %d%n",
                sent.sum(), acks.sum(), delivered.sum(), errors.sum(), errorCodes, timeouts.sum());
        System.out.printf("RESULT throughput stored=%.0f delivered=%.0f visitors=%d%n", stored, deliveredRate, n);
        agent.ws.abort();
        list.forEach(v -> v.socket.ws.abort());
    }

    static void idle() throws Exception {
        int n = intOpt("sockets", 10000);
        int hold = intOpt("hold", 60);
        int parallel = intOpt("parallel", 100);
        String inbox = inboxKey();
        Visitor[] all = new Visitor[n];
        Semaphore slots = new Semaphore(parallel);
        LongAdder failed = new LongAdder();
        long t0 = System.nanoTime();
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            slots.acquire();
            openers.add(Thread.ofVirtual().start(() -> {
                try {
                    all[index] = visitor(inbox);
                } catch (Exception e) {
                    failed.increment();
                    if (failed.sum() <= 5) {
                        System.out.println("open failed: " + e);
                    }
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : openers) {
            t.join();
        }
        long opened = Arrays.stream(all).filter(v -> v != null && v.socket.open()).count();
        System.out.printf("idle: %d of %d visitor sockets open and welcomed in %.1f s (%d failed)%n",
                opened, n, (System.nanoTime() - t0) / 1e9, failed.sum());
        System.out.println("HOLDING " + opened);
        System.out.flush();
        Thread.sleep(hold * 1000L);
        long still = Arrays.stream(all).filter(v -> v != null && v.socket.open()).count();
        System.out.printf("after %d s idle: %d sockets still open%n", hold, still);
        System.out.println("RESULT idle opened=" + opened + " still_open=" + still);
        for (Visitor v : all) {
            if (v != null) {
                v.socket.ws.abort();
            }
        }
    }
}
