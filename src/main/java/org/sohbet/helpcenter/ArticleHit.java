package org.sohbet.helpcenter;

import org.sohbet.shared.i18n.Language;

/**
 * A search result. {@code snippetHtml} is escaped article text with {@code <mark>} around the matching words and no
 * other markup; {@code path} is the article's public page, relative to Sohbet's base URL.
 */
public record ArticleHit(
        long articleId, Language language, String title, String path, String snippetHtml, float score) {}
