package org.sohbet.helpcenter;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Article images and logos. The type comes from the file's first bytes, never from its name or the browser's claim,
 * and only raster formats are taken: an SVG could carry script.
 */
@Service
class HelpImages {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final HelpRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HelpImages(HelpRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    String store(AccountId account, MultipartFile file) {
        if (file.getSize() > MAX_BYTES) {
            throw new HelpProblem("file", "help.error.imageSize");
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new HelpProblem("file", "help.error.image");
        }
        if (bytes.length > MAX_BYTES) {
            throw new HelpProblem("file", "help.error.imageSize");
        }
        String type = contentType(bytes).orElseThrow(() -> new HelpProblem("file", "help.error.image"));
        byte[] key = new byte[16];
        random.nextBytes(key);
        String name = HexFormat.of().formatHex(key);
        repository.insertImage(name, account.value(), type, bytes, clock.instant());
        return name;
    }

    static Optional<String> contentType(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (bytes.length >= 12
                && starts(bytes, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), "WEBP".getBytes())) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
