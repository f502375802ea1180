package org.sohbet.shared.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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

/**
 * Secrets sealed with AES-256-GCM for storage in the database: a version byte (also the associated data), a random
 * 96-bit nonce, then the ciphertext with its tag. Each module that stores credentials keeps its own key, so one can
 * be rotated or lost alone.
 */
public final class SealedBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;

    private final SecretKeySpec key;
    private final String lostKeyHint;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key 32 bytes
     * @param lostKeyHint the end of the message when a value cannot be opened, naming what must be entered again
     */
    public SealedBox(byte[] key, String lostKeyHint) {
        this.key = new SecretKeySpec(key, "AES");
        this.lostKeyHint = lostKeyHint;
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
     * @throws IllegalStateException when the value is not sealed, or was sealed under another key
     */
    public String open(byte[] box) {
        if (box == null || box.length < 1 + NONCE + TAG_BITS / 8 || box[0] != VERSION) {
            throw new IllegalStateException("Not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(box, 1, 1 + NONCE)));
            cipher.updateAAD(new byte[] {VERSION});
            return new String(cipher.doFinal(box, 1 + NONCE, box.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret cannot be decrypted (was the key changed?); " + lostKeyHint, e);
        }
    }

    /**
     * The 32-byte key kept in base64 in {@code dataDirectory/fileName}, made on first use and readable by the owner
     * only. Two nodes making it at once agree on the first one moved into place.
     */
    public static byte[] keyFile(Path dataDirectory, String fileName, String lostKeyHint) {
        Path file = dataDirectory.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return read(file, lostKeyHint);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, "." + fileName + "-", ".tmp");
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
            } catch (FileAlreadyExistsException otherNodeFirst) {
                Files.deleteIfExists(temporary);
                return read(file, lostKeyHint);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file, String lostKeyHint) throws IOException {
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
                "SOHBET_DATA_DIR", file + " must hold 32 bytes in base64; restore it or remove it and " + lostKeyHint);
    }
}
