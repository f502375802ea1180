package org.sohbet.helpcenter;

import java.util.List;
import org.sohbet.shared.i18n.Language;

/**
 * The article the FAQ bot may offer for a question. {@code excerpt} is plain text (no markup), {@code path} the
 * article's public page relative to Sohbet's base URL, {@code confidence} the share of the question's words the
 * article covers, between 0 and 1.
 *
 * <p>When the account lets a language model write the answer (ADR 0024), {@code generated} is that answer in plain
 * text, written only from the articles in {@code sources}, which it cites as {@code [1]}, {@code [2]} …; otherwise
 * {@code generated} is null and {@code sources} empty, and the excerpt is the answer.
 */
public record BotAnswer(
        long articleId,
        Language language,
        String title,
        String path,
        String excerpt,
        float confidence,
        String generated,
        List<Source> sources) {

    /** An article a generated answer was written from; {@code number} is how the answer cites it. */
    public record Source(int number, long articleId, String title, String path) {}

    public BotAnswer {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public BotAnswer(long articleId, Language language, String title, String path, String excerpt, float confidence) {
        this(articleId, language, title, path, excerpt, confidence, null, List.of());
    }

    public boolean isGenerated() {
        return generated != null;
    }

    /** What the bot says: the generated answer when there is one, else the excerpt. */
    public String text() {
        return generated != null ? generated : excerpt;
    }

    BotAnswer withGenerated(String text, List<Source> cited) {
        return new BotAnswer(articleId, language, title, path, excerpt, confidence, text, cited);
    }
}
