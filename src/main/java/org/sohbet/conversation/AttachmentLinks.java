package org.sohbet.conversation;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, short-lived file URLs. The signature is the credential, so an image can load in the widget and the console
 * without a cookie, and a link copied elsewhere stops working within the hour. The key lives in memory: after a
 * restart clients fetch messages again and get fresh links (cluster mode will share the key; ADR 0013).
 */
@Component
class AttachmentLinks {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final byte[] key = new byte[32];
    private final Clock clock;

    AttachmentLinks(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    String url(long attachmentId) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return "/files/" + attachmentId + "?exp=" + expires + "&sig=" + sign(attachmentId, expires);
    }

    boolean valid(long attachmentId, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(attachmentId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long attachmentId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((attachmentId + "." + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
