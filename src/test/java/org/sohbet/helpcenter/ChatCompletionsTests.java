package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatCompletionsTests {

    FakeChatCompletions server;
    ChatCompletions completions = new ChatCompletions();

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatCompletions();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ChatCompletions.Endpoint endpoint(String key, Duration timeout) {
        return new ChatCompletions.Endpoint(URI.create(server.baseUrl()), "qwen2.5:7b", key, timeout);
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheFirstChoice() {
        server.answer(200, FakeChatCompletions.completion("  Parcels arrive in 2 to 4 days [1].  "));
        ChatCompletions.Result result =
                completions.complete(endpoint("sk-secret-123", Duration.ofSeconds(5)), "system text", "user text");

        assertThat(result).isEqualTo(new ChatCompletions.Reply("Parcels arrive in 2 to 4 days [1]."));
        FakeChatCompletions.Request request = server.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-secret-123");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.model()).isEqualTo("qwen2.5:7b");
        assertThat(request.body().path("messages")).hasSize(2);
        assertThat(request.message("system")).isEqualTo("system text");
        assertThat(request.message("user")).isEqualTo("user text");
        assertThat(request.body().path("stream").asBoolean()).isFalse();
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() {
        completions.complete(endpoint(null, Duration.ofSeconds(5)), "s", "u");
        assertThat(server.last().authorization()).isNull();
    }

    @Test
    void anErrorStatusFailsWithTheStatusOnlyAndNeverTheBody() {
        server.answer(500, "{\"error\":{\"message\":\"upstream exploded sk-secret-123\"}}");
        ChatCompletions.Result result =
                completions.complete(endpoint("sk-secret-123", Duration.ofSeconds(5)), "s", "u");
        assertThat(result).isEqualTo(new ChatCompletions.Failed(ChatCompletions.Reason.STATUS, "HTTP 500"));
    }

    @Test
    void aSlowServerTimesOutWithinTheTimeout() {
        server.delay(3_000);
        long start = System.nanoTime();
        ChatCompletions.Result result = completions.complete(endpoint("k", Duration.ofMillis(400)), "s", "u");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                .isEqualTo(ChatCompletions.Reason.TIMEOUT));
        assertThat(millis).isLessThan(2_500);
    }

    @Test
    void malformedEmptyAndOversizedRepliesFail() {
        server.answer(200, "{\"choices\": [ {\"message\": ");
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(5)), "s", "u"))
                .isEqualTo(new ChatCompletions.Failed(ChatCompletions.Reason.MALFORMED, "not JSON"));
        server.answer(200, "{\"choices\": []}");
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(5)), "s", "u"))
                .isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo(ChatCompletions.Reason.MALFORMED));
        server.answer(200, "{\"choices\": [{\"message\": {\"content\": 42}}]}");
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(5)), "s", "u"))
                .isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo(ChatCompletions.Reason.MALFORMED));
        server.answer(200, FakeChatCompletions.completion("   "));
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(5)), "s", "u"))
                .isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo(ChatCompletions.Reason.EMPTY));
        server.answer(200, FakeChatCompletions.completion("x".repeat(ChatCompletions.MAX_RESPONSE_BYTES)));
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(5)), "s", "u"))
                .isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo(ChatCompletions.Reason.MALFORMED));
    }

    @Test
    void aClosedPortIsUnreachable() {
        server.close();
        assertThat(completions.complete(endpoint("k", Duration.ofSeconds(2)), "s", "u"))
                .isInstanceOfSatisfying(ChatCompletions.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo(ChatCompletions.Reason.UNREACHABLE));
    }

    @Test
    void theEndpointNeverPrintsItsKey() {
        assertThat(endpoint("sk-secret-123", Duration.ofSeconds(1)).toString()).doesNotContain("sk-secret-123");
    }
}
