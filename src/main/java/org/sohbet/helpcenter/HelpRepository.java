package org.sohbet.helpcenter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The help center's tables. Every query of tenant data names the account. */
@Repository
class HelpRepository {

    private static final String ARTICLE = """
            select a.id, a.group_id, a.account_id, g.category_id, g.position, a.language, a.title, a.slug, a.summary,
                   a.body_markdown, a.body_html, a.status, a.author_id, a.updated_at, a.published_at, a.views,
                   a.views_from_search, a.views_from_bot, a.helpful, a.not_helpful
            from help_article a join help_article_group g on g.id = a.group_id
            """;

    private final JdbcClient jdbc;

    HelpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Sites

    Optional<Site> site(long accountId) {
        return jdbc.sql("select * from help_center where account_id = :account")
                .param("account", accountId)
                .query(HelpRepository::site)
                .optional();
    }

    Optional<Site> siteBySlug(String slug) {
        return jdbc.sql("select * from help_center where slug = :slug")
                .param("slug", slug)
                .query(HelpRepository::site)
                .optional();
    }

    boolean insertSite(long accountId, String slug, Language language, Instant now) {
        return jdbc.sql("""
                        insert into help_center (account_id, slug, default_language, updated_at)
                        values (:account, :slug, :language, :now) on conflict do nothing""")
                        .param("account", accountId)
                        .param("slug", slug)
                        .param("language", language.tag())
                        .param("now", DatabaseTime.of(now))
                        .update()
                == 1;
    }

    boolean slugTaken(String slug, long exceptAccount) {
        return jdbc.sql("select exists (select 1 from help_center where slug = :slug and account_id <> :account)")
                .param("slug", slug)
                .param("account", exceptAccount)
                .query(Boolean.class)
                .single();
    }

    void updateSite(Site site, Instant now) {
        jdbc.sql("""
                        update help_center set slug = :slug, title = :title, accent_colour = :colour,
                               logo_image_key = :logo, default_language = :language, updated_at = :now
                        where account_id = :account""")
                .param("slug", site.slug())
                .param("title", site.title())
                .param("colour", site.accentColour())
                .param("logo", site.logoImageKey())
                .param("language", site.defaultLanguage().tag())
                .param("now", DatabaseTime.of(now))
                .param("account", site.accountId())
                .update();
    }

    // Categories

    List<Category> categories(long accountId) {
        Map<Long, Category> categories = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.position, n.language, n.name, n.slug
                        from help_category c left join help_category_name n on n.category_id = c.id
                        where c.account_id = :account order by c.position, c.id, n.language""").param("account", accountId).query((ResultSet row) -> {
            Category category = categories.computeIfAbsent(
                    row.getLong("id"), id -> new Category(id, positionOf(row), new EnumMap<>(Language.class)));
            String language = row.getString("language");
            if (language != null) {
                category.names()
                        .put(
                                Language.fromTag(language).orElseThrow(),
                                new Category.Name(row.getString("name"), row.getString("slug")));
            }
        });
        return new ArrayList<>(categories.values());
    }

    private static int positionOf(ResultSet row) {
        try {
            return row.getInt("position");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long insertCategory(long accountId, int position, Instant now) {
        return jdbc.sql("""
                        insert into help_category (account_id, position, created_at) values (:account, :position, :now)
                        returning id""")
                .param("account", accountId)
                .param("position", position)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    boolean updateCategory(long accountId, long id, int position) {
        return jdbc.sql("update help_category set position = :position where account_id = :account and id = :id")
                        .param("position", position)
                        .param("account", accountId)
                        .param("id", id)
                        .update()
                == 1;
    }

    void setCategoryName(long accountId, long categoryId, Language language, String name, String slug) {
        if (name == null) {
            jdbc.sql(
                            "delete from help_category_name where category_id = :id and language = :language and account_id = :account")
                    .param("id", categoryId)
                    .param("language", language.tag())
                    .param("account", accountId)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into help_category_name (category_id, account_id, language, name, slug)
                        values (:id, :account, :language, :name, :slug)
                        on conflict (category_id, language) do update set name = excluded.name, slug = excluded.slug""")
                .param("id", categoryId)
                .param("account", accountId)
                .param("language", language.tag())
                .param("name", name)
                .param("slug", slug)
                .update();
    }

    boolean categorySlugTaken(long accountId, Language language, String slug, long exceptCategory) {
        return jdbc.sql("""
                        select exists (select 1 from help_category_name where account_id = :account
                               and language = :language and slug = :slug and category_id <> :id)""")
                .param("account", accountId)
                .param("language", language.tag())
                .param("slug", slug)
                .param("id", exceptCategory)
                .query(Boolean.class)
                .single();
    }

    boolean deleteCategory(long accountId, long id) {
        return jdbc.sql("delete from help_category where account_id = :account and id = :id")
                        .param("account", accountId)
                        .param("id", id)
                        .update()
                == 1;
    }

    // Articles

    long insertGroup(long accountId, Long categoryId, int position, Instant now) {
        return jdbc.sql("""
                        insert into help_article_group (account_id, category_id, position, created_at)
                        values (:account, :category, :position, :now) returning id""")
                .param("account", accountId)
                .param("category", categoryId)
                .param("position", position)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    void updateGroup(long accountId, long groupId, Long categoryId, int position) {
        jdbc.sql("""
                        update help_article_group set category_id = :category, position = :position
                        where account_id = :account and id = :id""")
                .param("category", categoryId)
                .param("position", position)
                .param("account", accountId)
                .param("id", groupId)
                .update();
    }

    boolean groupExists(long accountId, long groupId) {
        return jdbc.sql("select exists (select 1 from help_article_group where account_id = :account and id = :id)")
                .param("account", accountId)
                .param("id", groupId)
                .query(Boolean.class)
                .single();
    }

    long insertArticle(
            long accountId,
            long groupId,
            Language language,
            ArticleDraft draft,
            String html,
            Long author,
            Instant now) {
        return jdbc.sql("""
                        insert into help_article (account_id, group_id, language, title, slug, summary, body_markdown,
                               body_html, status, author_id, created_at, updated_at, published_at)
                        values (:account, :group, :language, :title, :slug, :summary, :markdown, :html, :status,
                               :author, :now, :now,
                               case when cast(:status as text) = 'published' then cast(:now as timestamptz) end)
                        returning id""")
                .param("account", accountId)
                .param("group", groupId)
                .param("language", language.tag())
                .param("title", draft.title())
                .param("slug", draft.slug())
                .param("summary", draft.summary())
                .param("markdown", draft.bodyMarkdown())
                .param("html", html)
                .param("status", draft.published() ? "published" : "draft")
                .param("author", author)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    void updateArticle(long accountId, long id, ArticleDraft draft, String html, Long author, Instant now) {
        jdbc.sql("""
                        update help_article set title = :title, slug = :slug, summary = :summary,
                               body_markdown = :markdown, body_html = :html, status = :status, author_id = :author,
                               updated_at = :now,
                               published_at = case when cast(:status as text) = 'published'
                                   then coalesce(published_at, cast(:now as timestamptz)) end
                        where account_id = :account and id = :id""")
                .param("title", draft.title())
                .param("slug", draft.slug())
                .param("summary", draft.summary())
                .param("markdown", draft.bodyMarkdown())
                .param("html", html)
                .param("status", draft.published() ? "published" : "draft")
                .param("author", author)
                .param("now", DatabaseTime.of(now))
                .param("account", accountId)
                .param("id", id)
                .update();
    }

    boolean articleSlugTaken(long accountId, Language language, String slug, long exceptArticle) {
        return jdbc.sql("""
                        select exists (select 1 from help_article where account_id = :account and language = :language
                               and slug = :slug and id <> :id)""")
                .param("account", accountId)
                .param("language", language.tag())
                .param("slug", slug)
                .param("id", exceptArticle)
                .query(Boolean.class)
                .single();
    }

    /** Deletes the translation, and the group with it when it was the last one. */
    Optional<Long> deleteArticle(long accountId, long id) {
        Optional<Long> group = jdbc.sql(
                        "delete from help_article where account_id = :account and id = :id returning group_id")
                .param("account", accountId)
                .param("id", id)
                .query(Long.class)
                .optional();
        group.ifPresent(
                g -> jdbc.sql("""
                        delete from help_article_group g where g.id = :group and g.account_id = :account
                        and not exists (select 1 from help_article a where a.group_id = g.id)""").param("group", g).param("account", accountId).update());
        return group;
    }

    Optional<Article> article(long accountId, long id) {
        return jdbc.sql(ARTICLE + " where a.account_id = :account and a.id = :id")
                .param("account", accountId)
                .param("id", id)
                .query(HelpRepository::article)
                .optional();
    }

    List<Article> translations(long accountId, long groupId) {
        return jdbc.sql(ARTICLE + " where a.account_id = :account and a.group_id = :group order by a.language")
                .param("account", accountId)
                .param("group", groupId)
                .query(HelpRepository::article)
                .list();
    }

    List<Article> articles(long accountId) {
        return jdbc.sql(ARTICLE + " where a.account_id = :account order by g.position, g.id, a.language")
                .param("account", accountId)
                .query(HelpRepository::article)
                .list();
    }

    List<Article> published(long accountId, Language language) {
        return jdbc.sql(ARTICLE + """
                         where a.account_id = :account and a.language = :language and a.status = 'published'
                        order by g.position, g.id""")
                .param("account", accountId)
                .param("language", language.tag())
                .query(HelpRepository::article)
                .list();
    }

    List<Article> publishedAllLanguages(long accountId) {
        return jdbc.sql(ARTICLE + " where a.account_id = :account and a.status = 'published' order by g.position, g.id")
                .param("account", accountId)
                .query(HelpRepository::article)
                .list();
    }

    Optional<Article> publishedBySlug(long accountId, Language language, String slug) {
        return jdbc.sql(ARTICLE + """
                         where a.account_id = :account and a.language = :language and a.slug = :slug
                        and a.status = 'published'""")
                .param("account", accountId)
                .param("language", language.tag())
                .param("slug", slug)
                .query(HelpRepository::article)
                .optional();
    }

    void countView(long accountId, long articleId, ViewSource source) {
        jdbc.sql("update help_article set views = views + 1" + source.column()
                        + " where account_id = :account and id = :id and status = 'published'")
                .param("account", accountId)
                .param("id", articleId)
                .update();
    }

    boolean vote(long accountId, long articleId, boolean helpful) {
        String column = helpful ? "helpful" : "not_helpful";
        return jdbc.sql("update help_article set " + column + " = " + column
                                + " + 1 where account_id = :account and id = :id and status = 'published'")
                        .param("account", accountId)
                        .param("id", articleId)
                        .update()
                == 1;
    }

    // Search index feed

    List<SearchIndex.Entry> publishedEntriesOfGroup(long groupId) {
        return jdbc
                .sql(ARTICLE + " where a.group_id = :group and a.status = 'published'")
                .param("group", groupId)
                .query(HelpRepository::article)
                .list()
                .stream()
                .map(HelpRepository::entry)
                .toList();
    }

    void eachPublishedEntry(Consumer<SearchIndex.Entry> consumer) {
        jdbc.sql(ARTICLE + " where a.status = 'published' order by a.id")
                .query((ResultSet row) -> consumer.accept(entry(article(row, 0))));
    }

    /** Changes with every edit, publication, deletion or new article, so a stale index is noticed at start. */
    String fingerprint() {
        return jdbc.sql("""
                        select count(*) filter (where status = 'published') || ':'
                               || coalesce(sum(id) filter (where status = 'published'), 0) || ':'
                               || coalesce(extract(epoch from max(updated_at))::text, '-')
                        from help_article""").query(String.class).single();
    }

    static SearchIndex.Entry entry(Article article) {
        String text = (article.summary() + " " + Markdown.toText(article.bodyMarkdown())).strip();
        return new SearchIndex.Entry(
                article.id(),
                article.groupId(),
                article.accountId(),
                article.language(),
                article.title(),
                article.slug(),
                text);
    }

    // Knowledge gaps

    void recordMiss(long accountId, Language language, String query, Instant now) {
        jdbc.sql("""
                        insert into help_search_miss (account_id, language, query, count, last_asked_at)
                        values (:account, :language, :query, 1, :now)
                        on conflict (account_id, language, query)
                        do update set count = help_search_miss.count + 1, last_asked_at = excluded.last_asked_at""")
                .param("account", accountId)
                .param("language", language.tag())
                .param("query", query)
                .param("now", DatabaseTime.of(now))
                .update();
    }

    record Miss(Language language, String query, long count, Instant lastAskedAt) {}

    List<Miss> misses(long accountId, int limit) {
        return jdbc.sql("""
                        select language, query, count, last_asked_at from help_search_miss where account_id = :account
                        order by count desc, last_asked_at desc limit :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query((row, n) -> new Miss(
                        Language.fromTag(row.getString("language")).orElseThrow(),
                        row.getString("query"),
                        row.getLong("count"),
                        DatabaseTime.read(row, "last_asked_at")))
                .list();
    }

    List<Article> mostAnswering(long accountId, int limit) {
        return jdbc.sql(ARTICLE + """
                         where a.account_id = :account and (a.views_from_search + a.views_from_bot) > 0
                        order by a.views_from_search + a.views_from_bot desc, a.views desc limit :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query(HelpRepository::article)
                .list();
    }

    // Images

    void insertImage(String key, long accountId, String contentType, byte[] bytes, Instant now) {
        jdbc.sql("""
                        insert into help_image (key, account_id, content_type, bytes, created_at)
                        values (:key, :account, :type, :bytes, :now)""")
                .param("key", key)
                .param("account", accountId)
                .param("type", contentType)
                .param("bytes", bytes)
                .param("now", DatabaseTime.of(now))
                .update();
    }

    record Image(String contentType, byte[] bytes) {}

    Optional<Image> image(long accountId, String key) {
        return jdbc.sql("select content_type, bytes from help_image where account_id = :account and key = :key")
                .param("account", accountId)
                .param("key", key)
                .query((row, n) -> new Image(row.getString("content_type"), row.getBytes("bytes")))
                .optional();
    }

    private static Site site(ResultSet row, int n) throws SQLException {
        return new Site(
                row.getLong("account_id"),
                row.getString("slug"),
                row.getString("title"),
                row.getString("accent_colour"),
                row.getString("logo_image_key"),
                Language.fromTag(row.getString("default_language")).orElse(Language.DEFAULT));
    }

    private static Article article(ResultSet row, int n) throws SQLException {
        long category = row.getLong("category_id");
        Long categoryId = row.wasNull() ? null : category;
        long author = row.getLong("author_id");
        Long authorId = row.wasNull() ? null : author;
        return new Article(
                row.getLong("id"),
                row.getLong("group_id"),
                row.getLong("account_id"),
                categoryId,
                row.getInt("position"),
                Language.fromTag(row.getString("language")).orElseThrow(),
                row.getString("title"),
                row.getString("slug"),
                row.getString("summary"),
                row.getString("body_markdown"),
                row.getString("body_html"),
                "published".equals(row.getString("status")),
                authorId,
                DatabaseTime.read(row, "updated_at"),
                DatabaseTime.read(row, "published_at"),
                row.getLong("views"),
                row.getLong("views_from_search"),
                row.getLong("views_from_bot"),
                row.getLong("helpful"),
                row.getLong("not_helpful"));
    }
}
