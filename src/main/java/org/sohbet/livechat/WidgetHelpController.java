package org.sohbet.livechat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.conversation.Frames;
import org.sohbet.helpcenter.ArticleView;
import org.sohbet.helpcenter.HelpPages;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's help view: search, the articles suggested for the shop page, and one article to read inside the
 * frame. The inbox's public key names the account; only its published articles are answered.
 */
@RestController
class WidgetHelpController {

    /** Longer input is refused rather than searched: no real question is this long. */
    static final int MAX_QUERY = 1000;

    private final WebsiteInboxes inboxes;
    private final HelpPages pages;

    WidgetHelpController(WebsiteInboxes inboxes, HelpPages pages) {
        this.inboxes = inboxes;
        this.pages = pages;
    }

    @GetMapping(value = "/widget/help/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> search(
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String q) {
        Optional<WebsiteInbox> found = inboxes.byKey(inbox);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown_inbox");
        }
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            return problem(HttpStatus.BAD_REQUEST, "invalid_query");
        }
        return list(pages.search(found.get().accountId(), language(lang), q));
    }

    @GetMapping(value = "/widget/help/suggested", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> suggested(
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String url) {
        Optional<WebsiteInbox> found = inboxes.byKey(inbox);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown_inbox");
        }
        return list(pages.suggested(found.get().accountId(), language(lang), url));
    }

    @GetMapping(value = "/widget/help/articles/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> article(
            @PathVariable long id,
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String lang) {
        Optional<WebsiteInbox> found = inboxes.byKey(inbox);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown_inbox");
        }
        try {
            ArticleView article = pages.article(found.get().accountId(), language(lang), id);
            Map<String, Object> body = view(article);
            body.put("html", article.html());
            return ok(body);
        } catch (NotFoundException missing) {
            return problem(HttpStatus.NOT_FOUND, "not_found");
        }
    }

    private static Language language(String tag) {
        return Language.fromTag(tag).orElse(Language.DEFAULT);
    }

    private static ResponseEntity<String> list(List<ArticleView> articles) {
        return ok(Map.of(
                "articles", articles.stream().map(WidgetHelpController::view).toList()));
    }

    private static Map<String, Object> view(ArticleView article) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", article.id());
        view.put("lang", article.language().tag());
        view.put("title", article.title());
        view.put("summary", article.summary());
        view.put("path", article.path());
        return view;
    }

    private static ResponseEntity<String> ok(Object body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Frames.write(body));
    }

    private static ResponseEntity<String> problem(HttpStatus status, String code) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(Frames.write(Map.of("error", code)));
    }
}
