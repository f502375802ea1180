package org.sohbet.helpcenter;

import org.sohbet.shared.secret.SealedBox;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals the language-model API keys under a key of the help center's own, {@code help.key} in the data directory, so
 * that it can be rotated or lost without the mailbox or shop credentials; losing it means entering the keys again.
 */
@Component
class HelpSecrets {

    static final String KEY_FILE = "help.key";
    private static final String LOST = "enter the language model's API key again in the help center settings.";

    private final SealedBox box;

    @Autowired
    HelpSecrets(SohbetSettings settings) {
        this(SealedBox.keyFile(settings.dataDirectory(), KEY_FILE, LOST));
    }

    HelpSecrets(byte[] key) {
        this.box = new SealedBox(key, LOST);
    }

    byte[] seal(String secret) {
        return box.seal(secret);
    }

    String open(byte[] sealed) {
        return box.open(sealed);
    }
}
