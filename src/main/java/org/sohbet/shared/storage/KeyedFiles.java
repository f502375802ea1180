package org.sohbet.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Files in one folder of the data directory, named by random keys the server makes ({@code account/random}), so no
 * name from outside ever reaches a path. A file is written to a temporary name, forced to disk and moved into place,
 * so a key handed out always names a whole file.
 */
public final class KeyedFiles {

    private final Path root;
    private final String tempPrefix;
    private final SecureRandom random = new SecureRandom();

    public KeyedFiles(Path root, String tempPrefix) {
        this.root = root;
        this.tempPrefix = tempPrefix;
    }

    /** Writes the bytes durably and returns their key. */
    public String store(long account, byte[] content) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String key = account + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), tempPrefix, ".part");
            Files.write(temporary, content);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    public byte[] read(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException ignored) {
            // An orphaned file costs disk only; the row that would name it was never committed.
        }
    }

    private Path path(String key) {
        if (!key.matches("\\d+/[A-Za-z0-9_-]{24}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return root.resolve(key);
    }
}
