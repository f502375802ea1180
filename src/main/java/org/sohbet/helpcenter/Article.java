package org.sohbet.helpcenter;

import java.time.Instant;
import org.sohbet.shared.i18n.Language;

/** One translation of an article group: the help-center page that answers one question in one language. */
record Article(
        long id,
        long groupId,
        long accountId,
        Long categoryId,
        int position,
        Language language,
        String title,
        String slug,
        String summary,
        String bodyMarkdown,
        String bodyHtml,
        boolean published,
        Long authorId,
        Instant updatedAt,
        Instant publishedAt,
        long views,
        long viewsFromSearch,
        long viewsFromBot,
        long helpful,
        long notHelpful) {

    /** The meta description: the summary, or the start of the text. */
    String description() {
        if (!summary.isBlank()) {
            return summary;
        }
        String text = Markdown.toText(bodyMarkdown);
        return text.length() <= 160 ? text : text.substring(0, 157).strip() + "…";
    }
}
