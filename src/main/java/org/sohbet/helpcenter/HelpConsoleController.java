package org.sohbet.helpcenter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's help section: articles and translations, categories, images, the help center's settings, the report. */
@Controller
class HelpConsoleController {

    private final ArticleEditor editor;
    private final Sites sites;
    private final HelpArticles search;
    private final HelpImages images;
    private final HelpRepository repository;
    private final PublicAddress address;

    private final BotAnswerRepository botAnswers;
    private final AnswerModels answerModels;

    HelpConsoleController(
            ArticleEditor editor,
            Sites sites,
            HelpArticles search,
            HelpImages images,
            HelpRepository repository,
            PublicAddress address,
            BotAnswerRepository botAnswers,
            AnswerModels answerModels) {
        this.botAnswers = botAnswers;
        this.answerModels = answerModels;
        this.editor = editor;
        this.sites = sites;
        this.search = search;
        this.images = images;
        this.repository = repository;
        this.address = address;
    }

    /** One article across its translations, for the list. */
    record Row(long groupId, String categoryName, List<Article> translations) {}

    @GetMapping("/console/help")
    String list(@AuthenticationPrincipal SignedInAgent agent, HttpServletRequest request, Model model) {
        Language language = SohbetLocaleResolver.resolveLanguage(request);
        Map<Long, Category> categories = new LinkedHashMap<>();
        editor.categories(agent.accountId()).forEach(c -> categories.put(c.id(), c));
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (Article article : editor.all(agent.accountId())) {
            Category category = article.categoryId() == null ? null : categories.get(article.categoryId());
            rows.computeIfAbsent(
                            article.groupId(),
                            g -> new Row(g, category == null ? null : category.name(language), new ArrayList<>()))
                    .translations()
                    .add(article);
        }
        model.addAttribute("rows", rows.values());
        model.addAttribute("site", sites.of(agent.accountId()));
        model.addAttribute("languages", Language.values());
        return "helpcenter/console-list";
    }

    @GetMapping("/console/help/articles/new")
    String newArticle(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) String lang,
            HttpServletRequest request,
            Model model) {
        Language language = Language.fromTag(lang).orElse(SohbetLocaleResolver.resolveLanguage(request));
        Long category = null;
        int position = 0;
        List<Article> translations = List.of();
        if (group != null) {
            translations = editor.translations(agent.accountId(), group);
            if (translations.isEmpty()) {
                throw new NotFoundException();
            }
            category = translations.getFirst().categoryId();
            position = translations.getFirst().position();
        }
        model.addAttribute("form", new Form(null, group, language, "", "", "", "", false, category, position));
        return editorPage(agent, translations, model);
    }

    @GetMapping("/console/help/articles/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        Article article = editor.get(agent.accountId(), id);
        model.addAttribute(
                "form",
                new Form(
                        article.id(),
                        article.groupId(),
                        article.language(),
                        article.title(),
                        article.slug(),
                        article.summary(),
                        article.bodyMarkdown(),
                        article.published(),
                        article.categoryId(),
                        article.position()));
        model.addAttribute("article", article);
        return editorPage(agent, editor.translations(agent.accountId(), article.groupId()), model);
    }

    @PostMapping("/console/help/articles")
    String create(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Form form = Form.from(null, params);
        try {
            long id = editor.create(
                    agent.accountId(),
                    agent.agentId(),
                    form.groupId(),
                    form.language(),
                    form.draft(),
                    form.placement());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/help/articles/" + id;
        } catch (HelpProblem problem) {
            return invalid(agent, form, problem, response, model);
        }
    }

    @PostMapping("/console/help/articles/{id}")
    String update(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Article article = editor.get(agent.accountId(), id);
        Form form = Form.from(article, params);
        try {
            editor.update(agent.accountId(), agent.agentId(), id, form.draft(), form.placement());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/help/articles/" + id;
        } catch (HelpProblem problem) {
            model.addAttribute("article", article);
            return invalid(agent, form, problem, response, model);
        }
    }

    @PostMapping("/console/help/articles/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        editor.delete(agent.accountId(), id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/console/help";
    }

    /** The rendered body, as readers will see it: an htmx fragment, or the editor again without htmx. */
    @PostMapping("/console/help/preview")
    String preview(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            Model model) {
        Form form = Form.from(null, params);
        String body = form.body().length() > Markdown.MAX_LENGTH
                ? form.body().substring(0, Markdown.MAX_LENGTH)
                : form.body();
        model.addAttribute("previewHtml", Markdown.toHtml(body));
        model.addAttribute("previewLanguage", form.language());
        if (request.getHeader("HX-Request") != null) {
            return "helpcenter/console-editor :: preview";
        }
        model.addAttribute("form", form);
        if (form.id() != null) {
            model.addAttribute("article", editor.get(agent.accountId(), form.id()));
        }
        List<Article> translations =
                form.groupId() == null ? List.of() : editor.translations(agent.accountId(), form.groupId());
        return editorPage(agent, translations, model);
    }

    private String invalid(
            SignedInAgent agent, Form form, HelpProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", Map.of(problem.field(), problem.code()));
        model.addAttribute("form", form);
        List<Article> translations =
                form.groupId() == null ? List.of() : editor.translations(agent.accountId(), form.groupId());
        return editorPage(agent, translations, model);
    }

    private String editorPage(SignedInAgent agent, List<Article> translations, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        Map<Language, Article> byLanguage = new EnumMap<>(Language.class);
        translations.forEach(t -> byLanguage.put(t.language(), t));
        model.addAttribute("byLanguage", byLanguage);
        model.addAttribute("categories", editor.categories(agent.accountId()));
        model.addAttribute("languages", Language.values());
        model.addAttribute("site", sites.of(agent.accountId()));
        return "helpcenter/console-editor";
    }

    /** The editor's fields; strings as typed, so a refused form comes back as it was. */
    record Form(
            Long id,
            Long groupId,
            Language language,
            String title,
            String slug,
            String summary,
            String body,
            boolean published,
            Long categoryId,
            int position) {

        static Form from(Article existing, Map<String, String> params) {
            Language language = existing != null
                    ? existing.language()
                    : Language.fromTag(params.get("language")).orElseThrow(NotFoundException::new);
            return new Form(
                    existing != null ? Long.valueOf(existing.id()) : longOrNull(params.get("id")),
                    existing != null ? Long.valueOf(existing.groupId()) : longOrNull(params.get("group")),
                    language,
                    params.getOrDefault("title", ""),
                    params.getOrDefault("slug", ""),
                    params.getOrDefault("summary", ""),
                    params.getOrDefault("body", ""),
                    "published".equals(params.get("status")),
                    longOrNull(params.get("category")),
                    intOrZero(params.get("position")));
        }

        ArticleDraft draft() {
            return new ArticleDraft(title, slug, summary, body, published);
        }

        ArticleEditor.Placement placement() {
            return new ArticleEditor.Placement(categoryId, position);
        }
    }

    static Long longOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    static int intOrZero(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.clamp(Long.parseLong(value.strip()), -100_000, 100_000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // Categories

    @GetMapping("/console/help/categories")
    String categories(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("categories", editor.categories(agent.accountId()));
        model.addAttribute("languages", Language.values());
        model.addAttribute("consoleLanguage", Language.of(LocaleContextHolder.getLocale()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "helpcenter/console-categories";
    }

    @PostMapping({"/console/help/categories", "/console/help/categories/{id}"})
    String saveCategory(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, params.get("name." + language.tag()));
        }
        try {
            editor.saveCategory(agent.accountId(), id, intOrZero(params.get("position")), names);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/help/categories";
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            return categories(agent, model);
        }
    }

    @PostMapping("/console/help/categories/{id}/delete")
    String deleteCategory(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id) {
        editor.deleteCategory(agent.accountId(), id);
        return "redirect:/console/help/categories";
    }

    // Settings and images

    @GetMapping("/console/help/settings")
    String settings(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        requireManager(agent);
        Site site = sites.of(agent.accountId());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("site", site);
        model.addAttribute("languages", Language.values());
        model.addAttribute("publicUrl", address.base() + "/help/" + site.slug());
        if (!model.containsAttribute("ai")) {
            model.addAttribute("ai", answerModels.of(agent.accountId()));
        }
        return "helpcenter/console-settings";
    }

    /** The language model's settings (ADR 0024); the key field is never filled in, blank keeps the stored key. */
    @PostMapping("/console/help/settings/ai")
    String saveAnswerModel(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        AnswerModels.Form form = answerModelForm(params);
        try {
            answerModels.save(agent.accountId(), form);
            redirect.addFlashAttribute("aiSaved", true);
            return "redirect:/console/help/settings#ai";
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            model.addAttribute("ai", asEntered(agent, form));
            return settings(agent, model);
        }
    }

    @PostMapping("/console/help/settings/ai/test")
    String testAnswerModel(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model) {
        requireManager(agent);
        AnswerModels.Form form = answerModelForm(params);
        model.addAttribute("ai", asEntered(agent, form));
        try {
            model.addAttribute("aiTest", answerModels.test(agent.accountId(), form));
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
        }
        return settings(agent, model);
    }

    private static AnswerModels.Form answerModelForm(Map<String, String> params) {
        return new AnswerModels.Form(
                params.containsKey("ai.enabled"),
                params.get("ai.baseUrl"),
                params.get("ai.model"),
                params.get("ai.apiKey"),
                params.containsKey("ai.removeKey"),
                params.get("ai.timeout"));
    }

    /** The form shown again as entered, except the key, which is never sent back. */
    private AnswerModel asEntered(SignedInAgent agent, AnswerModels.Form form) {
        AnswerModel stored = answerModels.of(agent.accountId());
        long seconds;
        try {
            seconds = Math.clamp(
                    Long.parseLong(String.valueOf(form.timeoutSeconds()).strip()), 1, 60);
        } catch (NumberFormatException e) {
            seconds = stored.timeoutSeconds();
        }
        return new AnswerModel(
                form.enabled(),
                form.baseUrl() == null ? "" : form.baseUrl(),
                form.model() == null ? "" : form.model(),
                stored.hasKey(),
                java.time.Duration.ofSeconds(seconds));
    }

    @PostMapping("/console/help/settings")
    String saveSettings(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) MultipartFile logo,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        try {
            String logoKey = logo == null || logo.isEmpty() ? null : images.store(agent.accountId(), logo);
            sites.update(
                    agent.accountId(),
                    params.get("slug"),
                    params.get("title"),
                    params.get("colour"),
                    Language.fromTag(params.get("language")).orElse(null),
                    logoKey);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/help/settings";
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            return settings(agent, model);
        }
    }

    @GetMapping("/console/help/images")
    String imagesPage(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "helpcenter/console-images";
    }

    @PostMapping("/console/help/images")
    String upload(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Model model) {
        try {
            if (file == null || file.isEmpty()) {
                throw new HelpProblem("file", "help.error.image");
            }
            String key = images.store(agent.accountId(), file);
            Site site = sites.of(agent.accountId());
            model.addAttribute("markdown", "![](/help/" + site.slug() + "/images/" + key + ")");
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
        }
        return imagesPage(agent, model);
    }

    // Search and report

    @GetMapping("/console/help/search")
    String search(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request,
            Model model) {
        Language language = SohbetLocaleResolver.resolveLanguage(request);
        model.addAttribute("q", QueryText.clean(q));
        model.addAttribute("hits", search.search(agent.accountId(), language, q, 10, false));
        model.addAttribute("base", address.base());
        if (request.getHeader("HX-Request") != null) {
            return "helpcenter/console-search :: results";
        }
        return "helpcenter/console-search";
    }

    /** For the reply box: an agent searches in any language and inserts a link. */
    @GetMapping(value = "/console/help/search.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> searchJson(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String lang,
            HttpServletRequest request) {
        Language language = Language.fromTag(lang).orElse(SohbetLocaleResolver.resolveLanguage(request));
        return HelpPublicController.json(address.base(), search.search(agent.accountId(), language, q, 10, false));
    }

    @GetMapping("/console/help/report")
    String report(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        AccountId account = agent.accountId();
        model.addAttribute("misses", repository.misses(account.value(), 50));
        model.addAttribute("answering", repository.mostAnswering(account.value(), 20));
        // The bot's record of the last 30 days: deflection and the articles that answered.
        java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
        BotAnswerRepository.Deflection deflection = botAnswers.deflection(account.value(), since);
        model.addAttribute("deflection", deflection);
        model.addAttribute(
                "deflectionShare", deflection.share() == null ? null : Math.round(deflection.share() * 100) + " %");
        model.addAttribute("botTop", botAnswers.topArticles(account.value(), since, 20));
        return "helpcenter/console-report";
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins set up the help center");
        }
    }
}
