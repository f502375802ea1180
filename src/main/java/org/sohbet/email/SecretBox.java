package org.sohbet.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sohbet.shared.settings.InvalidSettingException;
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
    private static final int NONCE = 12;
    private static final byte VERSION = 1;

    private final SecretKeySpec encryption;
    private final byte[] signing;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(EmailSettings email, SohbetSettings settings) {
        this(email.key() != null ? Base64.getDecoder().decode(email.key()) : keyFile(settings.dataDirectory()));
    }

    SecretBox(byte[] key) {
        this.encryption = new SecretKeySpec(derive(key, "sohbet email password encryption"), "AES");
        this.signing = derive(key, "sohbet email message-id signing");
    }

    byte[] encrypt(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @throws IllegalStateException when the value was sealed with another key (the key changed)
     */
    String decrypt(byte[] box) {
        if (box == null || box.length < 1 + NONCE + 16 || box[0] != VERSION) {
            throw new IllegalStateException("Not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, Arrays.copyOfRange(box, 1, 1 + NONCE)));
            cipher.updateAAD(new byte[] {VERSION});
            return new String(cipher.doFinal(box, 1 + NONCE, box.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The mailbox password cannot be decrypted; was the key changed?", e);
        }
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
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = Files.createTempFile(dataDirectory, ".email-key-", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions protect it.
                }
                Files.writeString(
                        temporary,
                        Base64.getEncoder().encodeToString(key) + "\n",
                        StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                return key;
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file).strip();
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidSettingException(
                "SOHBET_DATA_DIR",
                file + " must hold 32 bytes in base64; restore it or remove it and enter the mailbox passwords again.");
    }
}
