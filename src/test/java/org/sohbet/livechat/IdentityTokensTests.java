package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentityTokensTests {

    static final String SECRET = "inbox-secret";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static String token(String header, String payload, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String h = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
        String p = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return h + "." + p + "." + b64.encodeToString(IdentityTokens.hmac(secret, h + "." + p));
    }

    static String valid(String payload) {
        return token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, SECRET);
    }

    @Test
    void acceptsASignedTokenAndReadsTheCustomer() {
        var identity = IdentityTokens.verify(
                valid("{\"sub\":\"cust-42\",\"name\":\"Leyla\",\"email\":\"l@shop.test\",\"exp\":"
                        + (NOW.getEpochSecond() + 300) + "}"),
                SECRET,
                NOW);
        assertThat(identity.customerId()).isEqualTo("cust-42");
        assertThat(identity.name()).isEqualTo("Leyla");
        assertThat(identity.email()).isEqualTo("l@shop.test");
    }

    @Test
    void refusesWrongSecretsAlgorithmsExpiriesAndShapes() {
        long exp = NOW.getEpochSecond() + 300;
        String payload = "{\"sub\":\"cust-42\",\"exp\":" + exp + "}";
        assertRefused(token("{\"alg\":\"HS256\"}", payload, "other secret"));
        assertRefused(token("{\"alg\":\"none\"}", payload, SECRET));
        assertRefused(token("{\"alg\":\"HS512\"}", payload, SECRET));
        assertRefused(valid("{\"sub\":\"cust-42\",\"exp\":" + NOW.getEpochSecond() + "}"));
        assertRefused(valid("{\"sub\":\"cust-42\",\"exp\":" + (NOW.getEpochSecond() + 11 * 60 + 61) + "}"));
        assertRefused(valid("{\"sub\":\"cust-42\"}"));
        assertRefused(valid("{\"sub\":\"\",\"exp\":" + exp + "}"));
        assertRefused(valid("{\"sub\":42,\"exp\":" + exp + "}"));
        String good = valid(payload);
        assertRefused(good.substring(0, good.lastIndexOf('.') + 1)
                + good.substring(good.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT));
        assertRefused(good.substring(0, good.lastIndexOf('.')));
        assertRefused("a.b.c");
        assertRefused("");
        assertRefused(null);
    }

    private static void assertRefused(String token) {
        assertThatThrownBy(() -> IdentityTokens.verify(token, SECRET, NOW))
                .isInstanceOf(IdentityTokens.InvalidIdentity.class);
    }
}
