package org.sohbet.livechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sohbet.conversation.Frames;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Verifies the identity tokens a shop's server signs for its signed-in customers: JSON Web Tokens with HS256 and the
 * inbox secret, expiring at most ten minutes ahead (docs/protocol.md, "Identity tokens").
 */
final class IdentityTokens {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** Tolerance for a shop server's clock running a little ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final int MAX_TOKEN = 4096;

    private IdentityTokens() {}

    record Identity(String customerId, String name, String email) {}

    static final class InvalidIdentity extends RuntimeException {
        InvalidIdentity(String reason) {
            super(reason, null, false, false);
        }
    }

    static Identity verify(String token, String secret, Instant now) {
        if (token == null || token.length() > MAX_TOKEN) {
            throw new InvalidIdentity("missing or too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidIdentity("not three parts");
        }
        Map<String, Object> header = json(parts[0]);
        if (!"HS256".equals(header.get("alg"))) {
            throw new InvalidIdentity("alg must be HS256");
        }
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentity("signature is not base64url");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidIdentity("bad signature");
        }
        Map<String, Object> payload = json(parts[1]);
        if (!(payload.get("exp") instanceof Number exp)) {
            throw new InvalidIdentity("exp missing");
        }
        Instant expires = Instant.ofEpochSecond(exp.longValue());
        if (!expires.isAfter(now)) {
            throw new InvalidIdentity("expired");
        }
        if (expires.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            throw new InvalidIdentity("exp more than 10 minutes ahead");
        }
        if (!(payload.get("sub") instanceof String sub) || sub.isBlank() || sub.length() > 200) {
            throw new InvalidIdentity("sub missing or too long");
        }
        return new Identity(sub, text(payload.get("name")), text(payload.get("email")));
    }

    static byte[] hmac(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Map<String, Object> json(String part) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            return Frames.mapper().readValue(bytes, new TypeReference<Map<String, Object>>() {});
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidIdentity("not base64url JSON");
        }
    }
}
