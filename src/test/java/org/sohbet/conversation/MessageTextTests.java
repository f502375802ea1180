package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTextTests {

    @Test
    void keepsPersianJoinersAndDropsDirectionOverrides() {
        assertThat(MessageText.check("  می‌خواهم \u202Eabc  ")).isEqualTo("می‌خواهم abc");
    }

    @Test
    void refusesEmptyInvisibleAndOverlongTexts() {
        for (String empty : new String[] {null, "", "   ", "\u200B\u200C\u200D", "\u202E\u200F\u2066", "\uFEFF\n"}) {
            assertThatThrownBy(() -> MessageText.check(empty)).hasMessage("empty");
        }
        assertThat(MessageText.check("x".repeat(10_000))).hasSize(10_000);
        assertThatThrownBy(() -> MessageText.check("x".repeat(10_001))).hasMessage("too_long");
        assertThat(MessageText.check("😀".repeat(10_000)))
                .as("characters, not UTF-16 units")
                .isNotEmpty();
    }
}
