package org.sohbet.helpcenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index under {@code SOHBET_DATA_DIR/search/help} equal to the published articles in the database:
 * rebuilt at start when missing, unreadable or stale, and updated after every committed change (ADR 0020).
 */
@Component
class SearchIndexer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final HelpRepository repository;
    private final Path path;
    private SearchIndex index;

    SearchIndexer(HelpRepository repository, SohbetSettings settings) {
        this.repository = repository;
        this.path = settings.dataDirectory().resolve("search").resolve("help");
    }

    @Override
    public void afterPropertiesSet() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            index = SearchIndex.open(path);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            log.warn("The help-center search index at {} cannot be read ({}); building it anew.", path, e.toString());
            deleteDirectory();
            index = SearchIndex.open(path);
        }
        String expected = fingerprint();
        if (!expected.equals(index.fingerprint())) {
            rebuild();
        }
    }

    /** Every published article of every account, read again from the database. */
    synchronized void rebuild() {
        long started = System.nanoTime();
        String fingerprint = fingerprint();
        List<SearchIndex.Entry> entries = new java.util.ArrayList<>();
        repository.eachPublishedEntry(entries::add);
        index.replaceAll(entries, fingerprint);
        log.info(
                "Help-center search index built: {} articles in {} ms.",
                entries.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleGroupChanged change) {
        synchronized (this) {
            index.replaceGroup(change.groupId(), repository.publishedEntriesOfGroup(change.groupId()), fingerprint());
        }
    }

    List<SearchIndex.Hit> search(long accountId, Language language, String query, int limit) {
        return index.search(accountId, language, query, limit, true);
    }

    float coverage(long accountId, long articleId, Language language, String query) {
        return index.coverage(accountId, articleId, language, query);
    }

    int size() {
        return index.size();
    }

    private String fingerprint() {
        return SearchIndex.SCHEMA + "|" + repository.fingerprint();
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        if (index != null) {
            index.close();
        }
    }
}
