package org.sohbet.helpcenter;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The public help center at {@code /help/{site}/{lang}/…}: server-rendered pages without script, one address per
 * language, with what search engines read (canonical, hreflang, description, JSON-LD, sitemap).
 */
@Controller
class HelpPublicController {

    private final Sites sites;
    private final HelpRepository repository;
    private final HelpArticles search;
    private final PublicAddress address;

    HelpPublicController(Sites sites, HelpRepository repository, HelpArticles search, PublicAddress address) {
        this.sites = sites;
        this.repository = repository;
        this.search = search;
        this.address = address;
    }

    /** A link to the same page in another language, for the language menu and hreflang. */
    record Alternate(Language language, String url) {}

    /** A category with its articles, as the home page lists them. */
    record Section(String name, String url, List<Article> articles) {}

    @GetMapping("/help/{site}")
    String root(@PathVariable String site) {
        Site found = site(site);
        return "redirect:/help/" + found.slug() + "/" + found.defaultLanguage().tag();
    }

    @GetMapping("/help/{site}/{lang}")
    String home(@PathVariable String site, @PathVariable String lang, HttpServletRequest request, Model model) {
        Site found = site(site);
        Language language = language(lang, request);
        String base = address.base();
        List<Article> articles = repository.published(found.accountId(), language);
        List<Category> categories = repository.categories(found.accountId());
        List<Section> sections = new ArrayList<>();
        for (Category category : categories) {
            List<Article> in = articles.stream()
                    .filter(a -> a.categoryId() != null && a.categoryId() == category.id())
                    .toList();
            Category.Name name = category.names().get(language);
            if (!in.isEmpty()) {
                sections.add(new Section(
                        category.name(language), name == null ? null : categoryPath(found, language, name.slug()), in));
            }
        }
        List<Article> loose = articles.stream()
                .filter(a -> a.categoryId() == null || categories.stream().noneMatch(c -> c.id() == a.categoryId()))
                .toList();
        if (!loose.isEmpty()) {
            sections.add(new Section(null, null, loose));
        }
        String title = sites.title(found);
        common(found, language, base + homePath(found, language), homeAlternates(found, base), model);
        model.addAttribute("pageTitle", title);
        model.addAttribute("description", title);
        model.addAttribute("sections", sections);
        model.addAttribute("jsonLd", JsonLd.of(faqPage(articles, base, found)));
        return "helpcenter/public-home";
    }

    @GetMapping("/help/{site}/{lang}/c/{slug}")
    String category(
            @PathVariable String site,
            @PathVariable String lang,
            @PathVariable String slug,
            HttpServletRequest request,
            Model model) {
        Site found = site(site);
        Language language = language(lang, request);
        Category category = repository.categories(found.accountId()).stream()
                .filter(c -> c.names().containsKey(language)
                        && c.names().get(language).slug().equals(slug))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        List<Article> articles = repository.published(found.accountId(), language).stream()
                .filter(a -> a.categoryId() != null && a.categoryId() == category.id())
                .toList();
        String base = address.base();
        List<Alternate> alternates = new ArrayList<>();
        category.names()
                .forEach((l, name) -> alternates.add(new Alternate(l, base + categoryPath(found, l, name.slug()))));
        common(found, language, base + categoryPath(found, language, slug), alternates, model);
        model.addAttribute("pageTitle", category.name(language));
        model.addAttribute("description", category.name(language) + " · " + sites.title(found));
        model.addAttribute("sections", List.of(new Section(category.name(language), null, articles)));
        model.addAttribute("jsonLd", JsonLd.of(faqPage(articles, base, found)));
        return "helpcenter/public-home";
    }

    @GetMapping("/help/{site}/{lang}/a/{slug}")
    String article(
            @PathVariable String site,
            @PathVariable String lang,
            @PathVariable String slug,
            @RequestParam(required = false) String from,
            HttpServletRequest request,
            Model model) {
        Site found = site(site);
        Language language = language(lang, request);
        Article article =
                repository.publishedBySlug(found.accountId(), language, slug).orElseThrow(NotFoundException::new);
        repository.countView(found.accountId(), article.id(), ViewSource.of(from));
        String base = address.base();
        List<Alternate> alternates = repository.translations(found.accountId(), article.groupId()).stream()
                .filter(Article::published)
                .map(a -> new Alternate(a.language(), base + HelpArticles.path(found, a.language(), a.slug())))
                .toList();
        String canonical = base + HelpArticles.path(found, language, article.slug());
        common(found, language, canonical, alternates, model);
        model.addAttribute("pageTitle", article.title());
        model.addAttribute("description", article.description());
        model.addAttribute("article", article);
        model.addAttribute("votePath", HelpArticles.path(found, language, article.slug()) + "/vote");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Article");
        data.put("headline", article.title());
        data.put("description", article.description());
        data.put("inLanguage", language.tag());
        data.put("url", canonical);
        if (article.publishedAt() != null) {
            data.put("datePublished", article.publishedAt().toString());
        }
        data.put("dateModified", article.updatedAt().toString());
        data.put("publisher", Map.of("@type", "Organization", "name", sites.title(found)));
        model.addAttribute("jsonLd", JsonLd.of(data));
        return "helpcenter/public-article";
    }

    @PostMapping("/help/{site}/{lang}/a/{slug}/vote")
    String vote(
            @PathVariable String site,
            @PathVariable String lang,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String helpful) {
        Site found = site(site);
        Language language =
                Language.fromTag(lang).filter(l -> l.tag().equals(lang)).orElseThrow(NotFoundException::new);
        Article article =
                repository.publishedBySlug(found.accountId(), language, slug).orElseThrow(NotFoundException::new);
        if (!helpful.equals("yes") && !helpful.equals("no")) {
            return "redirect:" + HelpArticles.path(found, language, article.slug());
        }
        repository.vote(found.accountId(), article.id(), helpful.equals("yes"));
        return "redirect:" + HelpArticles.path(found, language, article.slug()) + "?voted=" + helpful;
    }

    @GetMapping("/help/{site}/{lang}/search")
    String searchPage(
            @PathVariable String site,
            @PathVariable String lang,
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request,
            Model model) {
        Site found = site(site);
        Language language = language(lang, request);
        String base = address.base();
        List<ArticleHit> hits = search.search(new AccountId(found.accountId()), language, q, 10, true);
        common(found, language, base + homePath(found, language) + "/search", List.of(), model);
        model.addAttribute("pageTitle", sites.title(found));
        model.addAttribute("description", sites.title(found));
        model.addAttribute("q", QueryText.clean(q));
        model.addAttribute("hits", hits);
        model.addAttribute("noindex", true);
        return "helpcenter/public-search";
    }

    /** Search for scripts: the widget's help view and other pages of the shop. */
    @GetMapping(value = "/help/{site}/search.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> searchJson(
            @PathVariable String site,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String lang) {
        Site found = site(site);
        Language language = Language.fromTag(lang).orElse(found.defaultLanguage());
        return json(address.base(), search.search(new AccountId(found.accountId()), language, q, 10, true));
    }

    static Map<String, Object> json(String base, List<ArticleHit> hits) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (ArticleHit hit : hits) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", hit.articleId());
            result.put("language", hit.language().tag());
            result.put("title", hit.title());
            result.put("url", base + hit.path());
            result.put("snippetHtml", hit.snippetHtml());
            results.add(result);
        }
        return Map.of("results", results);
    }

    @GetMapping(value = "/help/{site}/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap(@PathVariable String site) {
        Site found = site(site);
        String base = address.base();
        Map<Long, List<Article>> groups = new LinkedHashMap<>();
        for (Article article : repository.publishedAllLanguages(found.accountId())) {
            groups.computeIfAbsent(article.groupId(), g -> new ArrayList<>()).add(article);
        }
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        for (Alternate home : homeAlternates(found, base)) {
            xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(home.url())).append("</loc></url>\n");
        }
        for (List<Article> group : groups.values()) {
            for (Article article : group) {
                xml.append("  <url><loc>")
                        .append(HtmlUtils.htmlEscape(
                                base + HelpArticles.path(found, article.language(), article.slug())))
                        .append("</loc><lastmod>")
                        .append(article.updatedAt().toString(), 0, 10)
                        .append("</lastmod>");
                for (Article translation : group) {
                    xml.append("<xhtml:link rel=\"alternate\" hreflang=\"")
                            .append(translation.language().tag())
                            .append("\" href=\"")
                            .append(HtmlUtils.htmlEscape(
                                    base + HelpArticles.path(found, translation.language(), translation.slug())))
                            .append("\"/>");
                }
                xml.append("</url>\n");
            }
        }
        return xml.append("</urlset>\n").toString();
    }

    /** The account's colour as a custom property: the policy allows no inline style, so it comes as a stylesheet. */
    @GetMapping(value = "/help/{site}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String site) {
        Site found = site(site);
        String colour = Sites.COLOUR.matcher(found.accentColour()).matches() ? found.accentColour() : "#1f6f5c";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(":root { --help-accent: " + colour + "; }\n");
    }

    @GetMapping("/help/{site}/images/{key}")
    ResponseEntity<byte[]> image(@PathVariable String site, @PathVariable String key) {
        Site found = site(site);
        if (!key.matches("[0-9a-f]{32}")) {
            throw new NotFoundException();
        }
        HelpRepository.Image image = repository.image(found.accountId(), key).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .body(image.bytes());
    }

    private void common(Site site, Language language, String canonical, List<Alternate> alternates, Model model) {
        model.addAttribute("site", site);
        model.addAttribute("siteTitle", sites.title(site));
        model.addAttribute("language", language);
        model.addAttribute("canonical", canonical);
        model.addAttribute("alternates", alternates);
        model.addAttribute("homePath", homePath(site, language));
        Map<Language, String> menu = new EnumMap<>(Language.class);
        for (Alternate alternate : homeAlternates(site, "")) {
            menu.put(alternate.language(), alternate.url());
        }
        alternates.forEach(a -> menu.put(a.language(), a.url()));
        model.addAttribute("languageMenu", menu);
        model.addAttribute(
                "logoPath",
                site.logoImageKey() == null ? null : "/help/" + site.slug() + "/images/" + site.logoImageKey());
    }

    /** The languages with at least one published article, and the default language in any case. */
    private List<Alternate> homeAlternates(Site site, String base) {
        List<Alternate> alternates = new ArrayList<>();
        List<Article> all = repository.publishedAllLanguages(site.accountId());
        for (Language language : Language.values()) {
            if (language == site.defaultLanguage() || all.stream().anyMatch(a -> a.language() == language)) {
                alternates.add(new Alternate(language, base + homePath(site, language)));
            }
        }
        return alternates;
    }

    private Map<String, Object> faqPage(List<Article> articles, String base, Site site) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Article article : articles.subList(0, Math.min(articles.size(), 50))) {
            questions.add(Map.of(
                    "@type",
                    "Question",
                    "name",
                    article.title(),
                    "url",
                    base + HelpArticles.path(site, article.language(), article.slug()),
                    "acceptedAnswer",
                    Map.of("@type", "Answer", "text", article.description())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "FAQPage");
        data.put("mainEntity", questions);
        return data;
    }

    private Site site(String slug) {
        return sites.bySlug(slug).orElseThrow(NotFoundException::new);
    }

    /** The path's language, exactly as written: {@code /help/x/EN} is not a second address of the same page. */
    private static Language language(String tag, HttpServletRequest request) {
        Optional<Language> language = Language.fromTag(tag).filter(l -> l.tag().equals(tag));
        Language found = language.orElseThrow(NotFoundException::new);
        SohbetLocaleResolver.useForRequest(request, found);
        return found;
    }

    static String homePath(Site site, Language language) {
        return "/help/" + site.slug() + "/" + language.tag();
    }

    static String categoryPath(Site site, Language language, String slug) {
        return homePath(site, language) + "/c/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }
}
