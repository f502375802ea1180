package org.sohbet.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.sohbet.account.AccountId;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.stereotype.Component;

/**
 * Raw mails (.eml) and their parts under {@code SOHBET_DATA_DIR/email}, named by random keys: a name from a mail
 * never reaches a path.
 */
@Component
class MailFiles {

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    MailFiles(SohbetSettings settings) {
        this.root = settings.dataDirectory().resolve("email");
    }

    String store(AccountId account, byte[] content) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String key =
                account.value() + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "mail-", ".part");
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

    byte[] read(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        if (!key.matches("\\d+/[A-Za-z0-9_-]{24}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return root.resolve(key);
    }
}
