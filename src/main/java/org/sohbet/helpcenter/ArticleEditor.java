package org.sohbet.helpcenter;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing the help center from the console: articles with their translations, and categories. */
@Service
class ArticleEditor {

    private final HelpRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleEditor(HelpRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Where an article sits: its category (or none) and its place among the others. */
    record Placement(Long categoryId, int position) {}

    Article get(AccountId account, long id) {
        return repository.article(account.value(), id).orElseThrow(NotFoundException::new);
    }

    List<Article> translations(AccountId account, long groupId) {
        return repository.translations(account.value(), groupId);
    }

    List<Article> all(AccountId account) {
        return repository.articles(account.value());
    }

    /**
     * A new translation: of an existing group when {@code groupId} is given, else the first of a new article. Returns
     * the new translation's id.
     */
    @Transactional
    long create(
            AccountId account,
            AgentId author,
            Long groupId,
            Language language,
            ArticleDraft draft,
            Placement placement) {
        ArticleDraft clean = validate(account, language, draft, 0);
        checkCategory(account, placement.categoryId());
        long group;
        if (groupId == null) {
            group = repository.insertGroup(
                    account.value(), placement.categoryId(), placement.position(), clock.instant());
        } else {
            if (!repository.groupExists(account.value(), groupId)) {
                throw new NotFoundException();
            }
            if (repository.translations(account.value(), groupId).stream().anyMatch(a -> a.language() == language)) {
                throw new HelpProblem("language", "help.error.translationExists");
            }
            group = groupId;
            repository.updateGroup(account.value(), group, placement.categoryId(), placement.position());
        }
        long id = repository.insertArticle(
                account.value(),
                group,
                language,
                clean,
                Markdown.toHtml(clean.bodyMarkdown()),
                author.value(),
                clock.instant());
        events.publishEvent(new ArticleGroupChanged(group));
        return id;
    }

    @Transactional
    void update(AccountId account, AgentId author, long id, ArticleDraft draft, Placement placement) {
        Article article = get(account, id);
        ArticleDraft clean = validate(account, article.language(), draft, id);
        checkCategory(account, placement.categoryId());
        repository.updateArticle(
                account.value(), id, clean, Markdown.toHtml(clean.bodyMarkdown()), author.value(), clock.instant());
        repository.updateGroup(account.value(), article.groupId(), placement.categoryId(), placement.position());
        events.publishEvent(new ArticleGroupChanged(article.groupId()));
    }

    @Transactional
    void delete(AccountId account, long id) {
        long group = repository.deleteArticle(account.value(), id).orElseThrow(NotFoundException::new);
        events.publishEvent(new ArticleGroupChanged(group));
    }

    private ArticleDraft validate(AccountId account, Language language, ArticleDraft draft, long id) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new HelpProblem("title", "help.error.title");
        }
        String summary = draft.summary() == null ? "" : draft.summary().strip();
        if (summary.length() > 300) {
            throw new HelpProblem("summary", "help.error.summary");
        }
        String body = draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown();
        if (body.length() > Markdown.MAX_LENGTH) {
            throw new HelpProblem("body", "help.error.body");
        }
        String slug = Slugs.of(draft.slug() == null || draft.slug().isBlank() ? title : draft.slug());
        if (slug.isEmpty()) {
            slug = "article";
        }
        String unique = slug;
        for (int n = 2; repository.articleSlugTaken(account.value(), language, unique, id); n++) {
            unique = slug + "-" + n;
        }
        return new ArticleDraft(title, unique, summary, body, draft.published());
    }

    private void checkCategory(AccountId account, Long categoryId) {
        if (categoryId != null
                && repository.categories(account.value()).stream().noneMatch(c -> c.id() == categoryId)) {
            throw new NotFoundException();
        }
    }

    // Categories

    List<Category> categories(AccountId account) {
        return repository.categories(account.value());
    }

    Optional<Category> category(AccountId account, long id) {
        return categories(account).stream().filter(c -> c.id() == id).findFirst();
    }

    /** Saves a category's names (a blank name removes that language's) and position; {@code id} null makes one. */
    @Transactional
    long saveCategory(AccountId account, Long id, int position, Map<Language, String> names) {
        if (names.values().stream().allMatch(n -> n == null || n.isBlank())) {
            throw new HelpProblem("names", "help.error.categoryName");
        }
        long categoryId;
        if (id == null) {
            categoryId = repository.insertCategory(account.value(), position, clock.instant());
        } else {
            if (!repository.updateCategory(account.value(), id, position)) {
                throw new NotFoundException();
            }
            categoryId = id;
        }
        for (Language language : Language.values()) {
            String name = names.get(language);
            if (name == null || name.isBlank()) {
                repository.setCategoryName(account.value(), categoryId, language, null, null);
                continue;
            }
            String clean = name.strip();
            if (clean.length() > 120) {
                throw new HelpProblem("names", "help.error.categoryName");
            }
            String slug = Slugs.of(clean);
            if (slug.isEmpty()) {
                slug = "category";
            }
            String unique = slug;
            for (int n = 2; repository.categorySlugTaken(account.value(), language, unique, categoryId); n++) {
                unique = slug + "-" + n;
            }
            repository.setCategoryName(account.value(), categoryId, language, clean, unique);
        }
        return categoryId;
    }

    @Transactional
    void deleteCategory(AccountId account, long id) {
        if (!repository.deleteCategory(account.value(), id)) {
            throw new NotFoundException();
        }
    }
}
