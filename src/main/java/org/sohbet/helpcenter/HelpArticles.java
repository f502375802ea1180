package org.sohbet.helpcenter;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.sohbet.account.AccountId;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * What other modules may ask of the help center: search an account's published articles, as the widget and the FAQ
 * bot will. Only published articles of that account are ever returned.
 */
@Service
public class HelpArticles {

    static final int MAX_RESULTS = 20;

    private final SearchIndexer index;
    private final Sites sites;
    private final HelpRepository repository;
    private final Clock clock;

    HelpArticles(SearchIndexer index, Sites sites, HelpRepository repository, Clock clock) {
        this.index = index;
        this.sites = sites;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The best matches in the language, or in any language when that one has none. A search by a visitor that finds
     * nothing is counted for the knowledge-gap report; pass {@code countMiss} false for agents' searches.
     */
    public List<ArticleHit> search(AccountId account, Language language, String query, int limit, boolean countMiss) {
        List<SearchIndex.Hit> hits =
                index.search(account.value(), language, query, Math.min(Math.max(limit, 0), MAX_RESULTS));
        if (hits.isEmpty()) {
            String clean = QueryText.clean(query).toLowerCase(Locale.ROOT);
            if (countMiss && !clean.isEmpty()) {
                repository.recordMiss(account.value(), language, clean, clock.instant());
            }
            return List.of();
        }
        Site site = sites.of(account);
        return hits.stream()
                .map(hit -> new ArticleHit(
                        hit.articleId(),
                        hit.language(),
                        hit.title(),
                        path(site, hit.language(), hit.slug()),
                        hit.snippetHtml(),
                        hit.score()))
                .toList();
    }

    Site site(AccountId account) {
        return sites.of(account);
    }

    static String path(Site site, Language language, String slug) {
        return "/help/" + site.slug() + "/" + language.tag() + "/a/"
                + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
    }
}
