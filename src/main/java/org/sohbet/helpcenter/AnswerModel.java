package org.sohbet.helpcenter;

import java.time.Duration;

/**
 * An account's language-model settings for the FAQ bot (ADR 0024), as the console shows them: whether a key is stored,
 * never the key itself.
 */
record AnswerModel(boolean enabled, String baseUrl, String model, boolean hasKey, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

    static AnswerModel none() {
        return new AnswerModel(false, "", "", false, DEFAULT_TIMEOUT);
    }

    public long timeoutSeconds() {
        return timeout.toSeconds();
    }
}
