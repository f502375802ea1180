package org.sohbet.shop;

import java.nio.file.Path;
import org.sohbet.shared.secret.SealedBox;
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
    private static final String LOST = "enter the shop credentials again.";

    private final SealedBox box;

    @Autowired
    ShopSecrets(SohbetSettings settings) {
        this(keyFile(settings.dataDirectory()));
    }

    ShopSecrets(byte[] key) {
        this.box = new SealedBox(key, LOST);
    }

    byte[] seal(String secret) {
        return box.seal(secret);
    }

    /**
     * @throws IllegalStateException when the value was sealed under another key
     */
    String open(byte[] sealed) {
        return box.open(sealed);
    }

    static byte[] keyFile(Path dataDirectory) {
        return SealedBox.keyFile(dataDirectory, KEY_FILE, LOST);
    }
}
