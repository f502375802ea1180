package org.sohbet.helpcenter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Built-in shop vocabulary of one language (ADR 0037): groups of words and phrases a customer uses for the same thing
 * ("parcel", "package", "shipment"), read from {@code synonyms/<tag>.txt}. A line {@code a, b, c} makes its entries
 * equivalent; {@code a, b => c} lets a and b also mean c, not the other way round. Every entry is reduced by the
 * language's own analysis, so a rule matches every inflected form its stems match. Applied to queries only: the index
 * never changes when the vocabulary does.
 */
final class ShopVocabulary {

    /** How many alternatives one query word gets at most, so a long query stays cheap. */
    static final int MAX_EXPANSIONS = 8;

    /** A rule: when {@code stems} occur in a row in the query, the query also means each of {@code means}. */
    record Rule(List<String> stems, List<List<String>> means) {}

    static final ShopVocabulary EMPTY = new ShopVocabulary(Map.of());

    private final Map<String, List<Rule>> byFirstStem;

    private ShopVocabulary(Map<String, List<Rule>> byFirstStem) {
        this.byFirstStem = byFirstStem;
    }

    static ShopVocabulary load(String tag, Function<String, List<String>> analysis) {
        String resource = "synonyms/" + tag + ".txt";
        try (InputStream in = ShopVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return EMPTY;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return parse(lines, analysis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blank lines and lines starting with {@code #} are skipped; entries that analyze to nothing are dropped. */
    static ShopVocabulary parse(List<String> lines, Function<String, List<String>> analysis) {
        Map<String, List<Rule>> rules = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("=>");
            List<List<String>> from = entries(arrow < 0 ? line : line.substring(0, arrow), analysis);
            List<List<String>> to = arrow < 0 ? from : entries(line.substring(arrow + 2), analysis);
            for (List<String> stems : from) {
                List<List<String>> means = new ArrayList<>();
                for (List<String> other : to) {
                    if (!other.equals(stems)) {
                        means.add(other);
                    }
                }
                if (!means.isEmpty()) {
                    rules.computeIfAbsent(stems.getFirst(), k -> new ArrayList<>())
                            .add(new Rule(stems, means));
                }
            }
        }
        return new ShopVocabulary(rules);
    }

    private static List<List<String>> entries(String part, Function<String, List<String>> analysis) {
        Set<List<String>> entries = new LinkedHashSet<>();
        for (String entry : part.split(",")) {
            List<String> stems = analysis.apply(entry.strip());
            if (!stems.isEmpty()) {
                entries.add(List.copyOf(stems));
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * For each term of the analyzed query, in order, what else it may mean: every rule whose stems occur in a row
     * there lends its meanings to each term it covers. Terms without a rule get an empty list.
     */
    List<Set<List<String>>> expand(List<String> terms) {
        List<Set<List<String>>> expanded = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            expanded.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < terms.size(); i++) {
            for (Rule rule : byFirstStem.getOrDefault(terms.get(i), List.of())) {
                int length = rule.stems().size();
                if (i + length <= terms.size() && terms.subList(i, i + length).equals(rule.stems())) {
                    for (int k = i; k < i + length; k++) {
                        Set<List<String>> into = expanded.get(k);
                        for (List<String> meaning : rule.means()) {
                            if (into.size() < MAX_EXPANSIONS
                                    && !(meaning.size() == 1
                                            && meaning.getFirst().equals(terms.get(k)))) {
                                into.add(meaning);
                            }
                        }
                    }
                }
            }
        }
        return expanded;
    }

    int size() {
        return byFirstStem.values().stream().mapToInt(List::size).sum();
    }
}
