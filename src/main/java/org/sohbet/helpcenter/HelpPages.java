package org.sohbet.helpcenter;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sohbet.account.AccountId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help center inside the widget: search, the articles suggested for the shop page the visitor is on (rules by URL
 * pattern), and one article to read in place. Only the account's published articles ever come out of here.
 */
@Service
public class HelpPages {

    static final int MAX_PATTERN = 500;
    static final int MAX_RULES = 200;
    static final int MAX_URL = 2000;
    static final int MAX_SUGGESTED = 5;
    static final int SEARCH_RESULTS = 8;

    private final PageRuleRepository rules;
    private final HelpRepository articles;
    private final HelpArticles search;
    private final Sites sites;
    private final Clock clock;

    HelpPages(PageRuleRepository rules, HelpRepository articles, HelpArticles search, Sites sites, Clock clock) {
        this.rules = rules;
        this.articles = articles;
        this.search = search;
        this.sites = sites;
        this.clock = clock;
    }

    public List<PageRule> rules(AccountId account) {
        return rules.list(account.value());
    }

    @Transactional
    void addRule(AccountId account, String pattern, long articleId) {
        String clean = pattern == null ? "" : pattern.strip();
        if (clean.isEmpty() || clean.length() > MAX_PATTERN || !clean.matches("\\S+")) {
            throw new HelpProblem("pattern", "helpWidget.error.pattern");
        }
        if (rules.count(account.value()) >= MAX_RULES) {
            throw new HelpProblem("pattern", "helpWidget.error.tooMany");
        }
        if (!rules.insert(account.value(), clean, articleId, clock.instant())) {
            throw new HelpProblem("article", "helpWidget.error.article");
        }
    }

    @Transactional
    void removeRule(AccountId account, long id) {
        if (!rules.delete(account.value(), id)) {
            throw new NotFoundException();
        }
    }

    /** The articles whose rules match the page's address, in the visitor's language where translated. */
    public List<ArticleView> suggested(AccountId account, Language language, String pageUrl) {
        if (pageUrl == null || pageUrl.isBlank() || pageUrl.length() > MAX_URL) {
            return List.of();
        }
        Map<Long, ArticleView> found = new LinkedHashMap<>();
        for (PageRule rule : rules.list(account.value())) {
            if (found.size() >= MAX_SUGGESTED) {
                break;
            }
            if (matches(rule.pattern(), pageUrl)) {
                readable(account, language, rule.articleId())
                        .ifPresent(article -> found.putIfAbsent(article.id(), withoutBody(article)));
            }
        }
        return List.copyOf(found.values());
    }

    /** A visitor's search in the widget; a search that finds nothing counts for the knowledge-gap report. */
    public List<ArticleView> search(AccountId account, Language language, String query) {
        List<ArticleView> views = new ArrayList<>();
        for (ArticleHit hit : search.search(account, language, query, SEARCH_RESULTS, true)) {
            views.add(new ArticleView(
                    hit.articleId(),
                    hit.language(),
                    hit.title(),
                    HelpAnswers.excerpt(hit.snippetHtml()),
                    null,
                    hit.path()));
        }
        return views;
    }

    /**
     * One published article of the account, in the visitor's language when a published translation exists.
     *
     * @throws NotFoundException for a draft, another account's article or an unknown id
     */
    public ArticleView article(AccountId account, Language language, long id) {
        return readable(account, language, id).orElseThrow(NotFoundException::new);
    }

    private Optional<ArticleView> readable(AccountId account, Language language, long id) {
        Optional<Article> article = articles.article(account.value(), id);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        List<Article> published = articles
                .translations(account.value(), article.get().groupId())
                .stream()
                .filter(Article::published)
                .toList();
        Optional<Article> chosen = published.stream()
                .filter(a -> a.language() == language)
                .findFirst()
                .or(() -> published.stream().filter(a -> a.id() == id).findFirst())
                .or(() -> published.stream().findFirst());
        Site site = sites.of(account);
        return chosen.map(a -> new ArticleView(
                a.id(),
                a.language(),
                a.title(),
                a.description(),
                a.bodyHtml(),
                HelpArticles.path(site, a.language(), a.slug())));
    }

    private static ArticleView withoutBody(ArticleView article) {
        return new ArticleView(
                article.id(), article.language(), article.title(), article.summary(), null, article.path());
    }

    /**
     * A pattern with {@code *} for any characters. One starting with {@code /} is matched against the page's path
     * and query, any other against the whole address without its scheme, so {@code shop.example/cart*} works too.
     */
    static boolean matches(String pattern, String pageUrl) {
        String target;
        try {
            URI uri = URI.create(pageUrl.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return false;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            target = pattern.startsWith("/")
                    ? path + query
                    : uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + query;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (String piece : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(target)
                .matches();
    }
}
