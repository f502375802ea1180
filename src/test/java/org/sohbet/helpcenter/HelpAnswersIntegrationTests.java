package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;

class HelpAnswersIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    ArticleEditor editor;

    @Autowired
    Sites sites;

    @Autowired
    HelpAnswers answers;

    @Autowired
    BotAnswerRepository repository;

    HelpFixtures fixtures;
    SignedInAgent owner;
    SignedInAgent other;

    @BeforeEach
    void shops() {
        fixtures = new HelpFixtures(mvc, setup, editor, sites);
        owner = fixtures.owner("Bazaar Shop", "ali@bazaar.test");
        other = fixtures.owner("Other Shop", "bea@other.test");
    }

    @Test
    void aQuestionCoveredByAnArticleAnswersWithHighConfidenceAndPlainText() {
        fixtures.article(
                owner,
                Language.ENGLISH,
                "Returning shoes <script>alert(1)</script>",
                "You can return shoes within 30 days for a refund. Bring the receipt <b>please</b>.",
                true);
        BotAnswer answer = answers.best(owner.accountId(), Language.ENGLISH, "return shoes refund")
                .orElseThrow();
        assertThat(answer.confidence()).isGreaterThanOrEqualTo(0.99f);
        assertThat(answer.excerpt()).doesNotContain("<mark>").contains("return shoes");
        assertThat(answer.path()).startsWith("/help/");

        BotAnswer weak = answers.best(owner.accountId(), Language.ENGLISH, "return my bicycle helmet gift card")
                .orElseThrow();
        assertThat(weak.confidence()).isLessThan(0.5f);
        assertThat(answers.best(owner.accountId(), Language.ENGLISH, "shoes"))
                .get()
                .extracting(BotAnswer::confidence)
                .as("a single word counts half")
                .isEqualTo(0.5f);
    }

    @Test
    void unpublishedAndOtherAccountsArticlesAreNeverOffered() {
        fixtures.article(owner, Language.ENGLISH, "Gift wrapping", "We wrap gifts for free.", false);
        fixtures.article(other, Language.ENGLISH, "Gift wrapping", "We wrap gifts for free.", true);
        assertThat(answers.best(owner.accountId(), Language.ENGLISH, "wrap gifts free"))
                .isEmpty();
        assertThat(answers.best(other.accountId(), Language.ENGLISH, "wrap gifts free"))
                .isPresent();
    }

    @Test
    void outcomesAreRecordedPerConversationForTheDeflectionReport() {
        fixtures.article(owner, Language.ENGLISH, "Delivery times", "Parcels arrive within three days.", true);
        BotAnswer answer = answers.best(owner.accountId(), Language.ENGLISH, "parcels arrive days")
                .orElseThrow();
        answers.answered(owner.accountId(), 11, answer);
        assertThat(answers.awaitingVerdict(owner.accountId(), 11)).isTrue();
        answers.accepted(owner.accountId(), 11);
        assertThat(answers.awaitingVerdict(owner.accountId(), 11)).isFalse();
        answers.escalated(owner.accountId(), 11);
        answers.answered(owner.accountId(), 12, answer);
        answers.escalated(owner.accountId(), 12);
        answers.answered(owner.accountId(), 13, answer);
        answers.escalated(other.accountId(), 13);
        assertThat(answers.awaitingVerdict(other.accountId(), 13)).isFalse();

        var deflection = repository.deflection(owner.accountId().value(), Instant.EPOCH);
        assertThat(deflection.accepted()).as("a decided answer stays decided").isEqualTo(1);
        assertThat(deflection.escalated()).isEqualTo(1);
        assertThat(deflection.answered()).as("another account cannot decide it").isEqualTo(1);
        assertThat(deflection.share()).isEqualTo(1.0 / 3);
        assertThat(repository.topArticles(owner.accountId().value(), Instant.EPOCH, 5))
                .singleElement()
                .satisfies(top -> {
                    assertThat(top.answers()).isEqualTo(3);
                    assertThat(top.accepted()).isEqualTo(1);
                });
        assertThat(repository
                        .deflection(other.accountId().value(), Instant.EPOCH)
                        .total())
                .isZero();
    }

    @Test
    void theReportShowsDeflectionAndTheArticlesThatAnsweredOfTheOwnAccountOnly() throws Exception {
        fixtures.article(owner, Language.ENGLISH, "Delivery <i>times</i>", "Parcels arrive within three days.", true);
        BotAnswer answer = answers.best(owner.accountId(), Language.ENGLISH, "parcels arrive days")
                .orElseThrow();
        answers.answered(owner.accountId(), 21, answer);
        answers.accepted(owner.accountId(), 21);
        answers.answered(owner.accountId(), 22, answer);
        answers.escalated(owner.accountId(), 22);

        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console/help/report")
                                .session(fixtures.signIn("ali@bazaar.test")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var bot = org.jsoup.Jsoup.parse(page).selectFirst("section[aria-labelledby=bot-heading]");
        assertThat(bot).isNotNull();
        assertThat(bot.select("dd").first().text()).isEqualTo("50 %");
        assertThat(bot.select("tbody td a").text()).isEqualTo("Delivery <i>times</i>");
        assertThat(page).doesNotContain("<i>times</i>");

        String others = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console/help/report")
                                .session(fixtures.signIn("bea@other.test")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(others).doesNotContain("Delivery");
    }
}
