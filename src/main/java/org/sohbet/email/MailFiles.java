package org.sohbet.email;

import org.sohbet.account.AccountId;
import org.sohbet.shared.settings.SohbetSettings;
import org.sohbet.shared.storage.KeyedFiles;
import org.springframework.stereotype.Component;

/**
 * Raw mails (.eml) and their parts under {@code SOHBET_DATA_DIR/email}, named by random keys: a name from a mail
 * never reaches a path.
 */
@Component
class MailFiles {

    private final KeyedFiles files;

    MailFiles(SohbetSettings settings) {
        this.files = new KeyedFiles(settings.dataDirectory().resolve("email"), "mail-");
    }

    String store(AccountId account, byte[] content) {
        return files.store(account.value(), content);
    }

    byte[] read(String key) {
        return files.read(key);
    }
}
