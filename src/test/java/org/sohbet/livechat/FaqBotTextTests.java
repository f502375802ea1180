package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sohbet.helpcenter.BotAnswer;
import org.sohbet.shared.i18n.Language;

class FaqBotTextTests {

    private static final String BASE = "https://support.example";

    @Test
    void anExcerptAnswerEndsWithTheArticlesLink() {
        BotAnswer answer = new BotAnswer(
                7,
                Language.DEFAULT,
                "Returns [and] refunds",
                "/help/shop/en/returns",
                "Send it back within 30 days.",
                0.8f);

        assertThat(FaqBot.text(answer, BASE))
                .isEqualTo(
                        "Send it back within 30 days.\n\n[Returns and refunds](https://support.example/help/shop/en/returns)");
    }

    @Test
    void aGeneratedAnswerListsItsNumberedSourcesInsteadOfTheExcerpt() {
        BotAnswer answer = new BotAnswer(
                7,
                Language.DEFAULT,
                "Returns",
                "/help/shop/en/returns",
                "Send it back within 30 days.",
                0.8f,
                "You have 30 days [1]; shipping back is free [2].",
                List.of(
                        new BotAnswer.Source(1, 7, "Returns", "/help/shop/en/returns"),
                        new BotAnswer.Source(2, 9, "Free shipping", "/help/shop/en/shipping")));

        assertThat(FaqBot.text(answer, BASE))
                .isEqualTo("You have 30 days [1]; shipping back is free [2].\n"
                        + "\n[1] [Returns](https://support.example/help/shop/en/returns)"
                        + "\n[2] [Free shipping](https://support.example/help/shop/en/shipping)")
                .doesNotContain("Send it back");
    }
}
