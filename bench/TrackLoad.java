// Page-tracking load generator for Sohbet (ADR 30): many visitors whose loaders post batches to POST /widget/events,
// and an agent whose live visitors list polls as the console page does. JDK only, run from source:
//
//   java bench/TrackLoad.java --port P --email E --password W [--visitors 10000] [--rate 5000] [--batch 5]
//                             [--seconds 60] [--warmup 15] [--probes 20]
//
// Every visitor first posts one page view (spread over the warm-up), so all of them are on the live list. Then batches
// of BATCH events (page views, product views, carts, checkout steps, custom events, like the loader's) go out at a
// fixed schedule of RATE events a second in total, round robin over the visitors, so each visitor posts every
// VISITORS * BATCH / RATE seconds. A batch's latency is measured from its scheduled time, so a stalled sender counts.
//
// Live list: a probe visitor moves to the checkout step "review" (which the load never uses) on a page with a unique
// address every 2 s; an agent polls /console/visitors/list?step=review every 500 ms, as the page's hx-trigger does,
// and the time from the probe's send to the first list answer that shows the address is the change-to-screen time.
// A second poller reads the unfiltered list (the 500 most recent rows) every 500 ms and times its answers.
//
// The server must run with SOHBET_RATE_LIMITS_ENABLED=false if the widget's limits would otherwise apply.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TrackLoad {

    static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    static final Pattern CSRF1 = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    static final Pattern CSRF2 = Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");
    static final Pattern INBOX = Pattern.compile("data-inbox=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("SOHBET_SESSION=([^;]+)");
    static final String[] STEPS = {"cart", "address", "shipping", "payment"};

    static final Map<String, String> opts = new HashMap<>();
    static String base;
    static HttpClient http;
    static String eventsUrl;

    static final LongAdder sentEvents = new LongAdder();
    static final LongAdder acceptedEvents = new LongAdder();
    static final LongAdder failedBatches = new LongAdder();
    static final List<Long> batchMicros = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = "http://" + opt("host", "127.0.0.1") + ":" + opt("port", "8080");
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        int visitors = intOpt("visitors", 10_000);
        int rate = intOpt("rate", 5_000);
        int batch = intOpt("batch", 5);
        int seconds = intOpt("seconds", 60);
        int warmup = intOpt("warmup", 15);
        int probes = intOpt("probes", 20);
        eventsUrl = base + "/widget/events?inbox=" + enc(inboxKey());
        String session = login(opt("email", ""), opt("password", ""));

        String run = UUID.randomUUID().toString().substring(0, 6);
        String[] keys = new String[visitors];
        for (int i = 0; i < visitors; i++) {
            keys[i] = "bench" + run + "v" + i;
        }
        Semaphore inFlight = new Semaphore(4_000);
        var executor = Executors.newVirtualThreadPerTaskExecutor();

        // Arrival: one page view per visitor, spread over the warm-up.
        long start = System.nanoTime();
        long arrivalNanos = TimeUnit.SECONDS.toNanos(warmup) * 2 / 3;
        for (int i = 0; i < visitors; i++) {
            long due = start + arrivalNanos * i / visitors;
            sleepUntil(due);
            String body = body(keys[i], List.of(page(keys[i], 0)));
            inFlight.acquire();
            executor.submit(() -> {
                try {
                    post(body, 1, due, false);
                } finally {
                    inFlight.release();
                }
            });
        }
        sleepUntil(start + TimeUnit.SECONDS.toNanos(warmup));
        long arrived = acceptedEvents.sum();
        System.out.printf("ARRIVED %d of %d visitors' first page views accepted%n", arrived, visitors);
        sentEvents.reset();
        acceptedEvents.reset();
        failedBatches.reset();
        batchMicros.clear();

        // Live list pollers and probes, beside the steady load.
        List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> filteredMicros = Collections.synchronizedList(new ArrayList<>());
        List<Long> fullMicros = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicLong missed = new AtomicLong();
        long steadyStart = System.nanoTime();
        long steadyEnd = steadyStart + TimeUnit.SECONDS.toNanos(seconds);
        Thread filtered = Thread.ofVirtual().start(() -> poll(session, "/console/visitors/list?step=review", steadyEnd,
                filteredMicros, pending, probeMillis));
        Thread full = Thread.ofVirtual().start(() -> poll(session, "/console/visitors/list", steadyEnd, fullMicros,
                null, null));
        Thread prober = Thread.ofVirtual().start(() -> {
            int n = 0;
            long next = steadyStart + TimeUnit.SECONDS.toNanos(2);
            while (next < steadyEnd - TimeUnit.SECONDS.toNanos(3)) {
                sleepUntil(next);
                String key = "bench" + run + "probe" + (n % probes);
                String url = "https://bench.example/probe/" + run + "/" + n;
                String body = body(key, List.of(
                        "{\"t\":\"page\",\"url\":\"" + url + "\",\"title\":\"Probe " + n + "\"}",
                        "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"review\"}}"));
                pending.put(url, System.nanoTime());
                post(body, 2, System.nanoTime(), false);
                n++;
                next += TimeUnit.SECONDS.toNanos(2);
            }
        });

        // Steady load at a fixed schedule.
        double batchesPerSecond = (double) rate / batch;
        long intervalNanos = (long) (1e9 / batchesPerSecond);
        long sent = 0;
        int cursor = 0;
        int round = 1;
        while (true) {
            long due = steadyStart + sent * intervalNanos;
            if (due >= steadyEnd) {
                break;
            }
            sleepUntil(due);
            String key = keys[cursor];
            List<String> events = new ArrayList<>(batch);
            for (int e = 0; e < batch; e++) {
                events.add(event(key, round, e));
            }
            String body = body(key, events);
            if (!inFlight.tryAcquire()) {
                // The generator's own cap: counted as a failure, never silently skipped.
                failedBatches.increment();
                sentEvents.add(batch);
            } else {
                executor.submit(() -> {
                    try {
                        post(body, batch, due, true);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            sent++;
            if (++cursor == visitors) {
                cursor = 0;
                round++;
            }
        }
        long offeredEnd = System.nanoTime();
        inFlight.acquire(4_000);
        long drained = System.nanoTime();
        prober.join();
        filtered.join();
        full.join();
        missed.set(pending.size());

        double steadySeconds = (offeredEnd - steadyStart) / 1e9;
        double withDrain = (drained - steadyStart) / 1e9;
        List<Long> latencies = new ArrayList<>(batchMicros);
        System.out.printf(
                "INGEST offered %d events in %.1f s (%.0f/s); accepted %d (%.0f/s over %.1f s incl. drain); failed batches %d%n",
                sentEvents.sum(), steadySeconds, sentEvents.sum() / steadySeconds, acceptedEvents.sum(),
                acceptedEvents.sum() / withDrain, withDrain, failedBatches.sum());
        System.out.printf("BATCH latency from schedule: %s%n", percentiles(latencies, 1000.0, "ms"));
        System.out.printf("LIST filtered (step=review) answer time: %s%n", percentiles(filteredMicros, 1000.0, "ms"));
        System.out.printf("LIST unfiltered (500 rows) answer time: %s%n", percentiles(fullMicros, 1000.0, "ms"));
        System.out.printf("PROBE change to list, polled every 500 ms: %s; not seen: %d%n",
                percentiles(probeMillis, 1.0, "ms"), missed.get());
        System.out.printf(
                "RESULT visitors=%d rate=%d batch=%d accepted/s=%.0f batch_p99_ms=%s probe_max_ms=%s probes_seen=%d missed=%d%n",
                visitors, rate, batch, acceptedEvents.sum() / withDrain, pct(latencies, 0.99, 1000.0),
                pct(probeMillis, 1.0, 1.0), probeMillis.size(), missed.get());
        // Probe batches count as accepted too: every accepted event must end up as one row.
        System.out.printf("EXPECTED_ROWS %d%n", arrived + acceptedEvents.sum());
        System.exit(0);
    }

    static String page(String key, int round) {
        return "{\"t\":\"page\",\"url\":\"https://bench.example/p/" + (round % 200) + "?k=" + key
                + "\",\"title\":\"Product " + (round % 200) + "\"}";
    }

    /** The loader's mix: mostly page views, then products, carts, checkout steps and a custom event. */
    static String event(String key, int round, int index) {
        int kind = (round * 7 + index) % 10;
        return switch (kind) {
            case 0, 1, 2, 3 -> page(key, round * 10 + index);
            case 4, 5 -> "{\"t\":\"track\",\"name\":\"product_view\",\"url\":\"https://bench.example/p/" + index
                    + "\",\"props\":{\"sku\":\"sku-" + index + "\",\"name\":\"Product " + index
                    + "\",\"price\":19.9,\"currency\":\"EUR\"}}";
            case 6 -> "{\"t\":\"cart\",\"cart\":{\"items\":[{\"sku\":\"sku-1\",\"qty\":1}],\"total\":"
                    + (round * 3 % 300) + ",\"currency\":\"EUR\"}}";
            case 7 -> "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\""
                    + STEPS[round % STEPS.length] + "\"}}";
            case 8 -> "{\"t\":\"leave\",\"url\":\"https://bench.example/p/1\",\"ms\":" + (1000 + round) + "}";
            default -> "{\"t\":\"track\",\"name\":\"newsletter_open\",\"props\":{\"source\":\"footer\"}}";
        };
    }

    static String body(String key, List<String> events) {
        return "{\"v\":\"" + key + "\",\"lang\":\"en\",\"events\":[" + String.join(",", events) + "]}";
    }

    static void post(String body, int events, long dueNanos, boolean timed) {
        sentEvents.add(events);
        try {
            // No Origin header: the endpoint then checks the server's own origin, as for a page on Sohbet itself.
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(eventsUrl))
                            .header("Content-Type", "text/plain;charset=UTF-8")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCEPTED.matcher(answer.body());
            if (answer.statusCode() == 200 && m.find()) {
                acceptedEvents.add(Long.parseLong(m.group(1)));
            } else {
                failedBatches.increment();
            }
        } catch (Exception e) {
            failedBatches.increment();
        }
        if (timed) {
            batchMicros.add((System.nanoTime() - dueNanos) / 1000);
        }
    }

    static void poll(String session, String path, long until, List<Long> answerMicros, Map<String, Long> pending,
            List<Long> probeMillis) {
        long next = System.nanoTime();
        while (next < until) {
            sleepUntil(next);
            long sent = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "SOHBET_SESSION=" + session)
                                .header("HX-Request", "true")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                answerMicros.add((now - sent) / 1000);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("live list answered " + answer.statusCode());
                }
                if (pending != null) {
                    for (var entry : List.copyOf(pending.entrySet())) {
                        if (answer.body().contains(entry.getKey())) {
                            probeMillis.add((now - entry.getValue()) / 1_000_000);
                            pending.remove(entry.getKey());
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("poll " + path + ": " + e.getMessage());
            }
            // htmx's "every 500ms" starts the next request 500 ms after the last one was issued.
            next = Math.max(next + TimeUnit.MILLISECONDS.toNanos(500), System.nanoTime());
        }
    }

    static String percentiles(List<Long> values, double divisor, String unit) {
        if (values.isEmpty()) {
            return "none";
        }
        return String.format("n=%d p50 %s p90 %s p99 %s max %s %s", values.size(), pct(values, 0.5, divisor),
                pct(values, 0.9, divisor), pct(values, 0.99, divisor), pct(values, 1.0, divisor), unit);
    }

    static String pct(List<Long> values, double q, double divisor) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, index)) / divisor);
    }

    static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String opt(String name, String fallback) {
        return opts.getOrDefault(name, fallback);
    }

    static int intOpt(String name, int fallback) {
        return Integer.parseInt(opt(name, Integer.toString(fallback)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- HTTP: the inbox key and the agent's sign-in, as bench/ChatLoad.java does them ----------------------------

    static String inboxKey() throws Exception {
        String html = http.send(HttpRequest.newBuilder(URI.create(base + "/demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = INBOX.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no data-inbox on /demo: is the first account set up?");
        }
        return m.group(1);
    }

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
        String session = sessionCookie(form);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf)));
        if (session != null) {
            post.header("Cookie", "SOHBET_SESSION=" + session);
        }
        HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        String signedIn = sessionCookie(answer);
        if (answer.statusCode() != 302 || signedIn == null
                || answer.headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode());
        }
        return signedIn;
    }

    static String sessionCookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
