package org.sohbet.helpcenter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.sohbet.shared.i18n.Language;

/**
 * The Lucene index of published articles of every account (ADR 0020). Each language has its own fields, analyzed by
 * that language's analyzer; account and language are filters, so one account's search never sees another's
 * articles. Only published articles are ever added. Plain Java, so the benchmark in {@code bench/} runs exactly this.
 */
final class SearchIndex implements Closeable {

    /** Raise when fields or analysis change: an index of another schema is rebuilt at start. */
    static final String SCHEMA = "3";

    static final int MAX_TERMS = 16;

    private static final String ID = "id";
    private static final String GROUP = "group";
    private static final String ACCOUNT = "account";
    private static final String LANGUAGE = "lang";
    private static final String SLUG = "slug";
    private static final String TITLE_TEXT = "title_text";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /** One published translation, as the index needs it. */
    record Entry(
            long articleId, long groupId, long accountId, Language language, String title, String slug, String text) {}

    /** A hit; {@code snippetHtml} is escaped text with {@code <mark>} around the matches, nothing else. */
    record Hit(
            long articleId,
            long groupId,
            Language language,
            String title,
            String slug,
            String snippetHtml,
            float score) {}

    private final Directory directory;
    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    private final Analyzer perField;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        analyzers.put(Language.ENGLISH, new EnglishAnalyzer());
        analyzers.put(Language.PERSIAN, new PersianAnalyzer());
        analyzers.put(Language.ARABIC, new ArabicAnalyzer());
        analyzers.put(Language.TURKISH, new TurkishAnalyzer());
        analyzers.put(Language.BULGARIAN, new BulgarianAnalyzer());
        Map<String, Analyzer> fields = new java.util.HashMap<>();
        analyzers.forEach((language, analyzer) -> {
            fields.put(title(language), analyzer);
            fields.put(body(language), analyzer);
        });
        this.perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
        IndexWriterConfig config =
                new IndexWriterConfig(perField).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    static SearchIndex open(Path path) {
        try {
            return new SearchIndex(FSDirectory.open(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit recorded about the database it was built from; empty for a new index. */
    String fingerprint() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return "";
        }
        for (Map.Entry<String, String> entry : data) {
            if (entry.getKey().equals("fingerprint")) {
                return entry.getValue();
            }
        }
        return "";
    }

    void replaceAll(Iterable<Entry> entries, String fingerprint) {
        try {
            writer.deleteAll();
            for (Entry entry : entries) {
                writer.addDocument(document(entry));
            }
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every translation of one article group by the given published ones (none: the group leaves). */
    void replaceGroup(long groupId, List<Entry> entries, String fingerprint) {
        try {
            writer.deleteDocuments(new Term(GROUP, Long.toString(groupId)));
            for (Entry entry : entries) {
                writer.addDocument(document(entry));
            }
            commit(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    private void commit(String fingerprint) throws IOException {
        writer.setLiveCommitData(Map.of("fingerprint", fingerprint).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Articles of the account that match the query in the given language; when nothing matches there and
     * {@code acrossLanguages} is set, in any language.
     */
    List<Hit> search(long accountId, Language language, String rawQuery, int limit, boolean acrossLanguages) {
        String text = QueryText.clean(rawQuery);
        if (text.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Hit> hits = run(searcher, accountId, List.of(language), text, limit);
                if (hits.isEmpty() && acrossLanguages) {
                    List<Language> others = new ArrayList<>(List.of(Language.values()));
                    others.remove(language);
                    hits = run(searcher, accountId, others, text, limit);
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Hit> run(IndexSearcher searcher, long accountId, List<Language> languages, String text, int limit)
            throws IOException {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        boolean anyTerm = false;
        for (Language language : languages) {
            Query query = textQuery(language, text);
            if (query != null) {
                anyLanguage.add(query, Occur.SHOULD);
                anyTerm = true;
            }
        }
        if (!anyTerm) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(anyLanguage.build(), Occur.MUST)
                .add(new TermQuery(new Term(ACCOUNT, Long.toString(accountId))), Occur.FILTER);
        if (languages.size() == 1) {
            query.add(new TermQuery(new Term(LANGUAGE, languages.getFirst().tag())), Occur.FILTER);
        }
        Query built = query.build();
        TopDocs top = searcher.search(built, limit);
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        String[] bodyFields = languages.stream().map(SearchIndex::body).toArray(String[]::new);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, perField)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(20_000)
                .build();
        Map<String, String[]> snippets = highlighter.highlightFields(bodyFields, built, top);
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scored = top.scoreDocs[i];
            Document doc = searcher.storedFields().document(scored.doc);
            Language language = Language.fromTag(doc.get(LANGUAGE)).orElseThrow();
            String[] forLanguage = snippets.get(body(language));
            String snippet = forLanguage == null || forLanguage[i] == null ? "" : forLanguage[i];
            hits.add(new Hit(
                    Long.parseLong(doc.get(ID)),
                    Long.parseLong(doc.get(GROUP)),
                    language,
                    doc.get(TITLE_TEXT),
                    doc.get(SLUG),
                    snippet,
                    scored.score));
        }
        return hits;
    }

    /**
     * Each query term may match the title (weighted more), the body, or either with a typo or two. The terms come out
     * of the language's analyzer, so there is no query syntax to break.
     */
    private Query textQuery(Language language, String text) throws IOException {
        Set<String> terms = terms(analyzers.get(language), body(language), text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(title(language), term)), 2.0f), Occur.SHOULD)
                    .add(new TermQuery(new Term(body(language), term)), Occur.SHOULD);
            int edits =
                    term.codePointCount(0, term.length()) >= 8 ? 2 : term.codePointCount(0, term.length()) >= 4 ? 1 : 0;
            if (edits > 0) {
                alternatives.add(
                        new BoostQuery(new FuzzyQuery(new Term(title(language), term), edits, 1, 20, true), 0.6f),
                        Occur.SHOULD);
                alternatives.add(
                        new BoostQuery(new FuzzyQuery(new Term(body(language), term), edits, 1, 20, true), 0.3f),
                        Occur.SHOULD);
            }
            query.add(alternatives.build(), Occur.SHOULD);
        }
        return query.build();
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                if (term.length() <= 40) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        }
        return terms;
    }

    private static Document document(Entry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(entry.articleId()), Field.Store.YES));
        doc.add(new StringField(GROUP, Long.toString(entry.groupId()), Field.Store.YES));
        doc.add(new StringField(ACCOUNT, Long.toString(entry.accountId()), Field.Store.NO));
        doc.add(new StringField(LANGUAGE, entry.language().tag(), Field.Store.YES));
        doc.add(new StoredField(SLUG, entry.slug()));
        doc.add(new StoredField(TITLE_TEXT, entry.title()));
        doc.add(new Field(title(entry.language()), entry.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(body(entry.language()), entry.text(), TEXT_WITH_OFFSETS));
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static String title(Language language) {
        return "title_" + language.tag();
    }

    static String body(Language language) {
        return "body_" + language.tag();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            perField.close();
            analyzers.values().forEach(Analyzer::close);
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
