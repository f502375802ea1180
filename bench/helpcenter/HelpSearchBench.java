// Help-center search benchmark: retrieval accuracy on the FAQ set, and latency over 10,000 generated articles.
// It drives org.sohbet.helpcenter.SearchIndex itself (the same analyzers, query and highlighting as the server), so it
// is compiled into that package by bench/help-search.sh and run on the application's classpath.
//
//   bench/help-search.sh                       # both parts
//   BENCH_ARTICLES=20000 bench/help-search.sh  # more generated articles
//
// accuracy: indexes faq.tsv (30 articles x 5 languages) for one account, asks every question of questions.tsv in its
// language, and counts whether the expected article is the first hit (top-1) or among the first three (top-3).
// held-out: the same for questions-heldout.tsv (written before tuning, never tuned on), reported separately.
// latency: adds ARTICLES generated articles to the same account (sentences of the FAQ set shuffled with words of the
// same language, so the vocabulary and term statistics are realistic), then times WARMUP + QUERIES searches of the
// questions, a third of them with a typo, one at a time. Each search includes the fallback across languages and the
// highlighted snippets, as the server does.
package org.sohbet.helpcenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sohbet.shared.i18n.Language;

public class HelpSearchBench {

    record Faq(String key, Language language, String title, String body) {}

    record Question(Language language, String key, String text) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/helpcenter");
        int articles = Integer.parseInt(System.getenv().getOrDefault("BENCH_ARTICLES", "10000"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "5000"));
        int queries = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "20000"));

        List<Faq> faqs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("faq.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            faqs.add(new Faq(f[0], Language.fromTag(f[1]).orElseThrow(), f[2], f[3]));
        }
        List<Question> questions = questions(dir.resolve("questions.tsv"));
        Path heldOutFile = dir.resolve("questions-heldout.tsv");
        List<Question> heldOut = Files.exists(heldOutFile) ? questions(heldOutFile) : List.of();

        Path indexDir = Files.createTempDirectory("help-bench-");
        long account = 1;
        Map<Long, String> keyOf = new HashMap<>();
        List<SearchIndex.Entry> entries = new ArrayList<>();
        long id = 1;
        Map<String, Long> groups = new HashMap<>();
        for (Faq faq : faqs) {
            long group = groups.computeIfAbsent(faq.key(), k -> (long) groups.size() + 1);
            entries.add(new SearchIndex.Entry(
                    id, group, account, faq.language(), faq.title(), Slugs.of(faq.title()), Markdown.toText(faq.body())));
            keyOf.put(id, faq.key());
            id++;
        }
        // Another account with the same articles: its hits must never show up.
        for (Faq faq : faqs) {
            entries.add(new SearchIndex.Entry(
                    id++, 100_000 + id, 2, faq.language(), faq.title(), Slugs.of(faq.title()), Markdown.toText(faq.body())));
        }

        try (SearchIndex index = SearchIndex.open(indexDir)) {
            index.replaceAll(entries, "bench");
            System.out.printf("== accuracy: %d articles (%d per language), %d questions%n",
                    faqs.size(), faqs.size() / Language.values().length, questions.size());
            accuracy(index, account, keyOf, questions, "");
            if (!heldOut.isEmpty()) {
                System.out.printf("%n== held-out: %d questions, not used for tuning (no target)%n", heldOut.size());
                accuracy(index, account, keyOf, heldOut, "held-out ");
            }

            // Latency
            Random random = new Random(42);
            Map<Language, List<String>> sentences = new EnumMap<>(Language.class);
            Map<Language, List<String>> words = new EnumMap<>(Language.class);
            for (Faq faq : faqs) {
                String text = Markdown.toText(faq.body());
                sentences.computeIfAbsent(faq.language(), l -> new ArrayList<>())
                        .addAll(Arrays.asList(text.split("(?<=[.!?؟])\\s+")));
                words.computeIfAbsent(faq.language(), l -> new ArrayList<>())
                        .addAll(Arrays.asList((faq.title() + " " + text).split("\\s+")));
            }
            List<SearchIndex.Entry> generated = new ArrayList<>(entries);
            Language[] languages = Language.values();
            for (int i = 0; i < articles; i++) {
                Language language = languages[i % languages.length];
                List<String> s = sentences.get(language);
                List<String> w = words.get(language);
                StringBuilder title = new StringBuilder();
                for (int k = 0; k < 4 + random.nextInt(5); k++) title.append(w.get(random.nextInt(w.size()))).append(' ');
                title.append(i);
                StringBuilder body = new StringBuilder();
                for (int k = 0; k < 4 + random.nextInt(8); k++) {
                    body.append(s.get(random.nextInt(s.size()))).append(' ');
                    body.append(w.get(random.nextInt(w.size()))).append("-").append(random.nextInt(10_000)).append(' ');
                }
                generated.add(new SearchIndex.Entry(
                        id++, 200_000 + i, account, language, title.toString(), "g-" + i, body.toString()));
            }
            long built = System.nanoTime();
            index.replaceAll(generated, "bench");
            System.out.printf("%n== latency: %d articles in the index (%d generated), built in %d ms%n",
                    index.size(), articles, (System.nanoTime() - built) / 1_000_000);
            List<String[]> pool = new ArrayList<>();
            for (Question q : questions) {
                pool.add(new String[] {q.language().tag(), q.text()});
                pool.add(new String[] {q.language().tag(), typo(q.text(), random)});
                pool.add(new String[] {q.language().tag(), q.text().split("\\s+")[0] + " " + typo(q.text(), random)});
            }
            long[] samples = new long[queries];
            int found = 0;
            for (int i = 0; i < warmup + queries; i++) {
                String[] q = pool.get(random.nextInt(pool.size()));
                Language language = Language.fromTag(q[0]).orElseThrow();
                long start = System.nanoTime();
                List<SearchIndex.Hit> hits = index.search(account, language, q[1], 10, true);
                long took = System.nanoTime() - start;
                if (i >= warmup) {
                    samples[i - warmup] = took;
                    if (!hits.isEmpty()) found++;
                }
            }
            String huge = "return ".repeat(1_500).substring(0, 10_000);
            long hugeStart = System.nanoTime();
            index.search(account, Language.ENGLISH, huge, 10, true);
            long hugeTook = System.nanoTime() - hugeStart;
            Arrays.sort(samples);
            System.out.printf("%d searches after %d warm-up, one thread, top 10 with snippets; %d found something%n",
                    queries, warmup, found);
            System.out.printf("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                    ms(samples, 0.50), ms(samples, 0.90), ms(samples, 0.99), ms(samples, 0.999),
                    samples[samples.length - 1] / 1e6);
            System.out.printf("a 10,000-character query: %.2f ms%n", hugeTook / 1e6);
        } finally {
            try (var files = Files.walk(indexDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<Question> questions(Path file) throws java.io.IOException {
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            questions.add(new Question(Language.fromTag(f[0]).orElseThrow(), f[1], f[2]));
        }
        return questions;
    }

    static void accuracy(SearchIndex index, long account, Map<Long, String> keyOf, List<Question> questions, String label) {
        Map<Language, int[]> counts = new EnumMap<>(Language.class);
        List<String> misses = new ArrayList<>();
        for (Question q : questions) {
            List<SearchIndex.Hit> hits = index.search(account, q.language(), q.text(), 3, true);
            int[] c = counts.computeIfAbsent(q.language(), l -> new int[3]);
            c[0]++;
            for (SearchIndex.Hit hit : hits) {
                if (!keyOf.containsKey(hit.articleId())) throw new IllegalStateException("other account's hit");
            }
            if (!hits.isEmpty() && keyOf.get(hits.getFirst().articleId()).equals(q.key())) {
                c[1]++;
            } else {
                misses.add(q.language().tag() + "  " + q.text() + "  -> expected " + q.key() + ", got "
                        + hits.stream().map(h -> keyOf.get(h.articleId())).toList());
            }
            if (hits.stream().anyMatch(h -> keyOf.get(h.articleId()).equals(q.key()))) {
                c[2]++;
            }
        }
        int[] total = new int[3];
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("%s%s  questions %3d  top-1 %5.1f%%  top-3 %5.1f%%%n",
                    label, e.getKey().tag(), c[0], 100.0 * c[1] / c[0], 100.0 * c[2] / c[0]);
            for (int i = 0; i < 3; i++) total[i] += c[i];
        }
        System.out.printf("%sall questions %3d  top-1 %5.1f%%  top-3 %5.1f%%%n",
                label, total[0], 100.0 * total[1] / total[0], 100.0 * total[2] / total[0]);
        misses.forEach(m -> System.out.println("  " + label + "miss: " + m));
    }

    static String typo(String text, Random random) {
        String[] words = text.split("\\s+");
        int longest = 0;
        for (int i = 1; i < words.length; i++) if (words[i].length() > words[longest].length()) longest = i;
        String w = words[longest];
        if (w.length() > 4) {
            int at = 1 + random.nextInt(w.length() - 2);
            words[longest] = w.substring(0, at) + w.substring(at + 1);
        }
        return String.join(" ", words);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
