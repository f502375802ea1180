package org.sohbet.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.sohbet.account.AccountId;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.stereotype.Component;

/** Files under the data directory, named by random keys the server makes; an uploaded name never reaches a path. */
@Component
class AttachmentStore {

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    AttachmentStore(SohbetSettings settings) {
        this.root = settings.dataDirectory().resolve("uploads");
    }

    /** Writes the bytes durably and returns the storage key. */
    String store(AccountId account, byte[] content) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String key =
                account.value() + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
            Files.write(temporary, content);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    void delete(String key) {
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
