package org.sohbet.helpcenter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.sohbet.shared.i18n.Language;

/**
 * The Lucene index of published articles of every account (ADR 0020). Each language has its own fields, analyzed by
 * that language's analyzer; account and language are filters, so one account's search never sees another's
 * articles. Only published articles are ever added. Plain Java, so the benchmark in {@code bench/} runs exactly this.
 */
final class SearchIndex implements Closeable {

    /** Raise when fields or analysis change: an index of another schema is rebuilt at start. */
    static final String SCHEMA = "5";

    static final int MAX_TERMS = 16;

    static final int GIST_LENGTH = 5;

    static float TITLE_BOOST = Float.parseFloat(System.getProperty("help.titleBoost", "1.0"));
    static float GIST_BOOST = Float.parseFloat(System.getProperty("help.gistBoost", "1.0"));

    /** What a word of the shop vocabulary counts for in place of the word the customer wrote (ADR 0037). */
    static float SYNONYM_BOOST = Float.parseFloat(System.getProperty("help.synonymBoost", "0.5"));

    private static final String ID = "id";
    private static final String GROUP = "group";
    private static final String ACCOUNT = "account";
    private static final String LANGUAGE = "lang";
    private static final String SLUG = "slug";
    private static final String TITLE_TEXT = "title_text";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /**
     * Lucene's English list has only 33 words; the other languages' lists also hold pronouns, auxiliaries,
     * prepositions and question words. Questions are made of those ("how can I …", "until when …"), and in short
     * titles they outweigh the words that matter, so English gets the same kind of list: Snowball's English stop list
     * (shipped with Lucene) and a few more question words.
     */
    static final CharArraySet ENGLISH_STOP_WORDS = englishStopWords();

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
    private final Map<Language, ShopVocabulary> vocabularies = new EnumMap<>(Language.class);
    private final Analyzer perField;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        analyzers.put(Language.ENGLISH, new EnglishAnalyzer(ENGLISH_STOP_WORDS));
        analyzers.put(Language.PERSIAN, new PersianAnalyzer());
        analyzers.put(Language.ARABIC, new ArabicAnalyzer());
        analyzers.put(Language.TURKISH, new TurkishAnalyzer());
        analyzers.put(Language.BULGARIAN, new BulgarianAnalyzer());
        analyzers.forEach((language, analyzer) -> vocabularies.put(
                language, ShopVocabulary.load(language.tag(), entry -> analyzed(analyzer, body(language), entry))));
        Map<String, Analyzer> fields = new java.util.HashMap<>();
        analyzers.forEach((language, analyzer) -> {
            fields.put(title(language), analyzer);
            fields.put(body(language), analyzer);
            if (hasGist(language)) {
                fields.put(gist(language), new Truncating(analyzer));
            }
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
            Query query = textQuery(searcher, language, text);
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
                .withHandleMultiTermQuery(false)
                .withMaxLength(20_000)
                .build();
        Map<String, String[]> snippets = highlighter.highlightFields(bodyFields, built, top);
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scored = top.scoreDocs[i];
            Document doc = stored.document(scored.doc);
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
    private Query textQuery(IndexSearcher searcher, Language language, String text) throws IOException {
        Map<String, Set<List<String>>> concepts = concepts(language, text);
        if (concepts.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Set<List<String>>> concept : concepts.entrySet()) {
            query.add(conceptQuery(searcher, language, concept.getKey(), concept.getValue()), Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * The query's terms, in order and each once, with what the shop vocabulary says each may also mean (ADR 0037).
     */
    Map<String, Set<List<String>>> concepts(Language language, String text) throws IOException {
        List<String> terms = analyzed(analyzers.get(language), body(language), text);
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            if (distinct.add(terms.get(i)) && distinct.size() > MAX_TERMS) {
                terms = terms.subList(0, i);
                break;
            }
        }
        List<Set<List<String>>> expansions = vocabularies.get(language).expand(terms);
        Map<String, Set<List<String>>> concepts = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Set<List<String>> meanings = concepts.computeIfAbsent(terms.get(i), k -> new LinkedHashSet<>());
            for (List<String> meaning : expansions.get(i)) {
                if (meanings.size() < ShopVocabulary.MAX_EXPANSIONS) {
                    meanings.add(meaning);
                }
            }
        }
        return concepts;
    }

    /**
     * The word as written, or any of its meanings at {@link #SYNONYM_BOOST}: the best of them counts, so an article
     * that has both the word and its synonym is not counted twice for one word of the question.
     */
    private static Query conceptQuery(
            IndexSearcher searcher, Language language, String term, Set<List<String>> meanings) throws IOException {
        Query written = termQuery(searcher, language, term);
        if (meanings.isEmpty()) {
            return written;
        }
        List<Query> alternatives = new ArrayList<>(meanings.size() + 1);
        alternatives.add(written);
        for (List<String> meaning : meanings) {
            alternatives.add(new BoostQuery(meaningQuery(language, meaning), SYNONYM_BOOST));
        }
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** A synonym is taken as written (no typos); a phrase must occur as a phrase, one other word between allowed. */
    private static Query meaningQuery(Language language, List<String> stems) {
        if (stems.size() == 1) {
            return exactTermQuery(language, stems.getFirst());
        }
        PhraseQuery.Builder inTitle = new PhraseQuery.Builder().setSlop(1);
        PhraseQuery.Builder inBody = new PhraseQuery.Builder().setSlop(1);
        for (String stem : stems) {
            inTitle.add(new Term(title(language), stem));
            inBody.add(new Term(body(language), stem));
        }
        return new BooleanQuery.Builder()
                .add(new BoostQuery(inTitle.build(), TITLE_BOOST), Occur.SHOULD)
                .add(inBody.build(), Occur.SHOULD)
                .build();
    }

    private static BooleanQuery.Builder exactAlternatives(Language language, String term) {
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(title(language), term)), TITLE_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(body(language), term)), Occur.SHOULD);
        if (hasGist(language)) {
            alternatives.add(
                    new BoostQuery(new TermQuery(new Term(gist(language), truncate(term))), GIST_BOOST), Occur.SHOULD);
        }
        return alternatives;
    }

    private static Query exactTermQuery(Language language, String term) {
        return exactAlternatives(language, term).build();
    }

    private static Query termQuery(IndexSearcher searcher, Language language, String term) throws IOException {
        Term inTitle = new Term(title(language), term);
        Term inBody = new Term(body(language), term);
        BooleanQuery.Builder alternatives = exactAlternatives(language, term);
        int length = term.codePointCount(0, term.length());
        int edits = length >= 4 ? 1 : 0;
        // Typos only, one edit: a word the index knows is taken as written, which keeps the expansion off the hot
        // path.
        if (edits > 0
                && searcher.getIndexReader().docFreq(inBody) == 0
                && searcher.getIndexReader().docFreq(inTitle) == 0) {
            alternatives.add(
                    new BoostQuery(new FuzzyQuery(inTitle, edits, 1, 10, true), 0.5f * TITLE_BOOST), Occur.SHOULD);
            alternatives.add(new BoostQuery(new FuzzyQuery(inBody, edits, 1, 10, true), 0.5f), Occur.SHOULD);
        }
        return alternatives.build();
    }

    /**
     * The share of the query's words (after the language's analysis, typos allowed) that the article contains: the
     * FAQ bot's confidence. Scores are not comparable across queries, coverage is. A one-word question counts half,
     * since one word rarely says what was asked (ADR 0022).
     */
    float coverage(long accountId, long articleId, Language language, String rawQuery) {
        String text = QueryText.clean(rawQuery);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, Set<List<String>>> terms = concepts(language, text);
                if (terms.isEmpty()) {
                    return 0;
                }
                Query article = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ID, Long.toString(articleId))), Occur.FILTER)
                        .add(new TermQuery(new Term(ACCOUNT, Long.toString(accountId))), Occur.FILTER)
                        .build();
                TopDocs found = searcher.search(article, 1);
                if (found.scoreDocs.length == 0) {
                    return 0;
                }
                int doc = found.scoreDocs[0].doc;
                int matched = 0;
                for (Map.Entry<String, Set<List<String>>> term : terms.entrySet()) {
                    if (searcher.explain(conceptQuery(searcher, language, term.getKey(), term.getValue()), doc)
                            .isMatch()) {
                        matched++;
                    }
                }
                float share = (float) matched / terms.size();
                return terms.size() == 1 ? share / 2 : share;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analyzed terms of the text, in order; at most a few more than a query may use, none longer than 40. */
    private static List<String> analyzed(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < 4 * MAX_TERMS) {
                if (term.length() <= 40) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        if (hasGist(entry.language())) {
            doc.add(new TextField(gist(entry.language()), entry.title() + " " + entry.text(), Field.Store.NO));
        }
        return doc;
    }

    private static CharArraySet englishStopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        words.addAll(List.of(
                "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
                "his", "she", "her", "hers", "its", "them", "am", "been", "being", "do", "does", "did", "doing", "have",
                "has", "had", "having", "can", "could", "would", "should", "shall", "may", "might", "must", "what",
                "which", "who", "whom", "whose", "when", "where", "why", "how", "so", "than", "too", "very", "just",
                "also", "please", "any", "some", "all", "about", "from", "up", "out", "there", "here", "get", "got"));
        try (Reader snowball = IOUtils.getDecodingReader(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
            words.addAll(WordlistLoader.getSnowballWordSet(snowball));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(words);
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

    /**
     * English has no gist: Porter stemming already joins its inflected forms, and cutting its stems to five letters
     * mostly joins unrelated words ("something" with "sometimes"), which made
     * English the weakest language. The light stemmers of the other languages leave suffixes the gist still joins.
     */
    static boolean hasGist(Language language) {
        return language != Language.ENGLISH;
    }

    static String gist(Language language) {
        return "gist_" + language.tag();
    }

    /**
     * The language's analysis, then each term cut to its first {@value #GIST_LENGTH} characters: a crude stemmer that
     * joins the inflected forms a light stemmer leaves apart (Turkish suffixes, Persian and Arabic plurals, Bulgarian
     * articles), used as a weaker second signal.
     */
    static final class Truncating extends AnalyzerWrapper {

        private final Analyzer delegate;

        Truncating(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(
                    components.getSource(), new TruncateTokenFilter(components.getTokenStream(), GIST_LENGTH));
        }
    }

    static String truncate(String term) {
        return term.codePointCount(0, term.length()) <= GIST_LENGTH
                ? term
                : term.substring(0, term.offsetByCodePoints(0, GIST_LENGTH));
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
