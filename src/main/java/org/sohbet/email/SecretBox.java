package org.sohbet.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sohbet.shared.secret.SealedBox;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts mailbox passwords with AES-256-GCM and derives the key that signs our Message-IDs. The key comes from
 * {@code SOHBET_EMAIL_KEY}, else from {@code email.key} in the data directory, made on first use and readable by the
 * owner only (ADR 0025). Losing the key means entering the mailbox passwords again; nothing else depends on it.
 */
@Component
class SecretBox {

    static final String KEY_FILE = "email.key";
    private static final String LOST = "enter the mailbox passwords again.";

    private final SealedBox passwords;
    private final byte[] signing;

    @Autowired
    SecretBox(EmailSettings email, SohbetSettings settings) {
        this(email.key() != null ? Base64.getDecoder().decode(email.key()) : keyFile(settings.dataDirectory()));
    }

    SecretBox(byte[] key) {
        this.passwords = new SealedBox(derive(key, "sohbet email password encryption"), LOST);
        this.signing = derive(key, "sohbet email message-id signing");
    }

    byte[] encrypt(String secret) {
        return passwords.seal(secret);
    }

    /**
     * @throws IllegalStateException when the value was sealed with another key (the key changed)
     */
    String decrypt(byte[] box) {
        return passwords.open(box);
    }

    byte[] sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signing, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] keyFile(Path dataDirectory) {
        return SealedBox.keyFile(dataDirectory, KEY_FILE, LOST);
    }
}
