package org.sohbet.helpcenter;

import org.sohbet.shared.i18n.Language;

/**
 * The article the FAQ bot may offer for a question. {@code excerpt} is plain text (no markup), {@code path} the
 * article's public page relative to Sohbet's base URL, {@code confidence} the share of the question's words the
 * article covers, between 0 and 1.
 */
public record BotAnswer(
        long articleId, Language language, String title, String path, String excerpt, float confidence) {}
