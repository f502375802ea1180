package org.sohbet.shop;

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
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sohbet.shared.settings.InvalidSettingException;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals shop credentials (consumer secrets, access tokens) with AES-256-GCM under a key of its own, kept in
 * {@code shop.key} in the data directory and readable by the owner only. The key is separate from the email channel's
 * so that either can be rotated or lost alone; losing it means entering the shop credentials again.
 */
@Component
class ShopSecrets {

    static final String KEY_FILE = "shop.key";
    private static final int NONCE = 12;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ShopSecrets(SohbetSettings settings) {
        this(keyFile(settings.dataDirectory()));
    }

    ShopSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
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
     * @throws IllegalStateException when the value was sealed under another key
     */
    String open(byte[] box) {
        if (box == null || box.length < 1 + NONCE + 16 || box[0] != VERSION) {
            throw new IllegalStateException("Not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOfRange(box, 1, 1 + NONCE)));
            cipher.updateAAD(new byte[] {VERSION});
            return new String(cipher.doFinal(box, 1 + NONCE, box.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The shop credential cannot be decrypted; was shop.key changed?", e);
        }
    }

    static byte[] keyFile(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDirectory);
                Path temporary = Files.createTempFile(dataDirectory, ".shop-key-", ".tmp");
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
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException otherNodeFirst) {
                    Files.deleteIfExists(temporary);
                    return read(file);
                }
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
                file + " must hold 32 bytes in base64; restore it or remove it and enter the shop credentials again.");
    }
}
