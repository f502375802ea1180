package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;

/** The FAQ bot's optional generated answers (ADR 0024) against a local chat-completions server. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAnswersIntegrationTests extends PostgresIntegrationTest {

    static final String KEY = "sk-live-7f3a9c1e5b";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    ArticleEditor editor;

    @Autowired
    Sites sites;

    @Autowired
    HelpAnswers answers;

    @Autowired
    AnswerModels models;

    @Autowired
    Invitations invitations;

    @Autowired
    MeterRegistry meters;

    HelpFixtures fixtures;
    SignedInAgent owner;
    SignedInAgent other;
    FakeChatCompletions server;

    @BeforeEach
    void shops() throws Exception {
        fixtures = new HelpFixtures(mvc, setup, editor, sites);
        owner = fixtures.owner("Bazaar Shop", "ali@bazaar.test");
        other = fixtures.owner("Other Shop", "bea@other.test");
        server = new FakeChatCompletions();
        fixtures.article(
                owner,
                Language.ENGLISH,
                "Returning shoes",
                "You can return shoes within 30 days for a full refund. Bring the receipt.",
                true);
        fixtures.article(
                owner, Language.ENGLISH, "Refund times", "Refunds for returned shoes reach your card in 5 days.", true);
        fixtures.article(owner, Language.ENGLISH, "Secret return draft", "Returned shoes are burned.", false);
        fixtures.article(
                other, Language.ENGLISH, "Returning shoes", "Other shop: return shoes within 2 days, no refund.", true);
        fixtures.article(owner, Language.PERSIAN, "پس دادن کفش", "کفش را تا ۳۰ روز پس بدهید.", true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void switchOn(SignedInAgent agent, String timeoutSeconds) {
        models.save(
                agent.accountId(),
                new AnswerModels.Form(true, server.baseUrl() + "/", "qwen2.5:7b", KEY, false, timeoutSeconds));
    }

    BotAnswer best(SignedInAgent agent) {
        return answers.best(agent.accountId(), Language.ENGLISH, "can I return shoes for a refund")
                .orElseThrow();
    }

    double counted(String outcome) {
        var counter = meters.find("sohbet.help.generated.answers")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void offByDefaultTheExcerptStandsAndNoRequestIsMade() {
        BotAnswer answer = best(owner);
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes for a refund", answer))
                .isEqualTo(answer);
        assertThat(answer.isGenerated()).isFalse();
        assertThat(answer.text()).isEqualTo(answer.excerpt());
        assertThat(server.requests).isEmpty();
    }

    @Test
    void theAnswerIsWrittenOnlyFromTheAccountsPublishedArticlesAndCitesThem() {
        switchOn(owner, "5");
        server.answer(200, FakeChatCompletions.completion("Yes, within 30 days for a full refund [1]."));
        double before = counted("generated");
        BotAnswer best = best(owner);
        BotAnswer answer = answers.withGenerated(owner.accountId(), "can I return shoes for a refund", best);

        assertThat(answer.generated()).isEqualTo("Yes, within 30 days for a full refund [1].");
        assertThat(answer.text()).isEqualTo(answer.generated());
        assertThat(answer.excerpt()).isEqualTo(best.excerpt());
        assertThat(answer.confidence()).isEqualTo(best.confidence());
        assertThat(answer.sources()).singleElement().satisfies(source -> {
            assertThat(source.number()).isEqualTo(1);
            assertThat(source.articleId()).isEqualTo(best.articleId());
            assertThat(source.path()).isEqualTo(best.path());
        });
        assertThat(counted("generated")).isEqualTo(before + 1);

        FakeChatCompletions.Request request = server.last();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.model()).isEqualTo("qwen2.5:7b");
        assertThat(request.message("system")).contains("ONLY", GroundedAnswers.NOT_COVERED, "\"en\"");
        String user = request.message("user");
        assertThat(user)
                .as("the bot's own article first, then the next best")
                .contains("[1] " + best.title() + "\n", "[2] ")
                .contains("Returning shoes\nYou can return shoes within 30 days for a full refund.")
                .contains("Refund times\nRefunds for returned shoes reach your card in 5 days.")
                .contains("Question: can I return shoes for a refund")
                .doesNotContain("Other shop", "2 days", "burned", "کفش");
    }

    @Test
    void everyFailureFallsBackToTheExcerptAndIsCounted(CapturedOutput output) {
        switchOn(owner, "1");
        BotAnswer best = best(owner);

        server.answer(500, "{\"error\":\"boom\"}");
        double status = counted("status");
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);
        assertThat(counted("status")).isEqualTo(status + 1);

        server.answer(200, "{\"choices\": [ {\"message\": ");
        double malformed = counted("malformed");
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);
        assertThat(counted("malformed")).isEqualTo(malformed + 1);

        server.answer(200, FakeChatCompletions.completion(""));
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);

        server.answer(200, FakeChatCompletions.completion(GroundedAnswers.NOT_COVERED));
        double uncovered = counted("not_covered");
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);
        assertThat(counted("not_covered")).isEqualTo(uncovered + 1);

        server.answer(200, FakeChatCompletions.completion("late")).delay(4_000);
        double timeouts = counted("timeout");
        long start = System.nanoTime();
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        assertThat(counted("timeout")).isEqualTo(timeouts + 1);

        assertThat(output.getAll())
                .contains("fell back to the excerpt: timeout")
                .doesNotContain(KEY);
    }

    @Test
    void anotherAccountsSettingsAreNotUsed() {
        switchOn(other, "5");
        BotAnswer best = best(owner);
        assertThat(answers.withGenerated(owner.accountId(), "can I return shoes", best))
                .isEqualTo(best);
        assertThat(server.requests).isEmpty();
        assertThat(models.of(owner.accountId()).enabled()).isFalse();
    }

    @Test
    void theKeyIsSealedInTheDatabaseAndNeverShownInTheConsole(CapturedOutput output) throws Exception {
        MockHttpSession session = fixtures.signIn("ali@bazaar.test");
        mvc.perform(post("/console/help/settings/ai")
                        .session(session)
                        .with(csrf())
                        .param("ai.enabled", "on")
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "qwen2.5:7b")
                        .param("ai.apiKey", KEY)
                        .param("ai.timeout", "5"))
                .andExpect(status().is3xxRedirection());

        byte[] stored = jdbc.sql("select api_key from help_answer_model where account_id = :a")
                .param("a", owner.accountId().value())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);

        String page = mvc.perform(get("/console/help/settings").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document html = Jsoup.parse(page);
        assertThat(page).doesNotContain(KEY);
        assertThat(html.selectFirst("#ai-apiKey").attr("value")).isEmpty();
        assertThat(html.selectFirst("#ai-baseUrl").attr("value")).isEqualTo(server.baseUrl());
        assertThat(html.selectFirst("input[name=ai.enabled]").hasAttr("checked"))
                .isTrue();
        assertThat(html.selectFirst("label[for=ai-apiKey]")).isNotNull();

        // Saving again with the key field empty keeps the key; the test button uses it.
        mvc.perform(post("/console/help/settings/ai")
                        .session(session)
                        .with(csrf())
                        .param("ai.enabled", "on")
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "other-model")
                        .param("ai.apiKey", "")
                        .param("ai.timeout", "5"))
                .andExpect(status().is3xxRedirection());
        String tested = mvc.perform(post("/console/help/settings/ai/test")
                        .session(session)
                        .with(csrf())
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "other-model")
                        .param("ai.timeout", "5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(server.last().authorization()).isEqualTo("Bearer " + KEY);
        assertThat(server.last().model()).isEqualTo("other-model");
        assertThat(Jsoup.parse(tested).select("[role=status]").text()).contains("The model answered in");
        assertThat(tested).doesNotContain(KEY);

        server.answer(401, "{\"error\":\"bad key " + KEY + "\"}");
        String failed = mvc.perform(post("/console/help/settings/ai/test")
                        .session(session)
                        .with(csrf())
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "other-model")
                        .param("ai.timeout", "5"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(failed).select("[role=status]").text())
                .contains("The API answered with an error.", "HTTP 401");
        assertThat(failed).doesNotContain(KEY);

        answers.withGenerated(owner.accountId(), "can I return shoes", best(owner));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void onlyAdminsChangeItAndBadInputIsRefused() throws Exception {
        var invitation = invitations.invite(owner, "agent@bazaar.test", Role.AGENT);
        invitations.accept(invitation.token(), "Agent", HelpFixtures.PASSWORD);
        MockHttpSession agent = fixtures.signIn("agent@bazaar.test");
        mvc.perform(post("/console/help/settings/ai")
                        .session(agent)
                        .with(csrf())
                        .param("ai.enabled", "on")
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "m")
                        .param("ai.timeout", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/help/settings/ai/test")
                        .session(agent)
                        .with(csrf())
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "m")
                        .param("ai.timeout", "5"))
                .andExpect(status().isForbidden());
        assertThat(server.requests).isEmpty();

        MockHttpSession session = fixtures.signIn("ali@bazaar.test");
        String[][] bad = {
            {"http://169.254.169.254/latest", "m", "5", "ai.baseUrl-error"},
            {"https://10.0.0.7/v1", "m", "5", "ai.baseUrl-error"},
            {server.baseUrl(), "", "5", "ai.model-error"},
            {server.baseUrl(), "m", "0", "ai.timeout-error"},
            {server.baseUrl(), "m", "61", "ai.timeout-error"},
        };
        for (String[] input : bad) {
            String page = mvc.perform(post("/console/help/settings/ai")
                            .session(session)
                            .with(csrf())
                            .param("ai.enabled", "on")
                            .param("ai.baseUrl", input[0])
                            .param("ai.model", input[1])
                            .param("ai.timeout", input[2]))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(page).getElementById(input[3])).as(input[0]).isNotNull();
        }
        mvc.perform(post("/console/help/settings/ai")
                        .session(session)
                        .with(csrf())
                        .param("ai.enabled", "on")
                        .param("ai.baseUrl", server.baseUrl())
                        .param("ai.model", "m")
                        .param("ai.apiKey", "sk-1\r\nX-Injected: 1")
                        .param("ai.timeout", "5"))
                .andExpect(status().isUnprocessableContent());
        assertThat(models.of(owner.accountId()).enabled()).isFalse();
        assertThat(server.requests).isEmpty();
    }
}
