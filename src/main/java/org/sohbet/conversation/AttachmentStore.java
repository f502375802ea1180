package org.sohbet.conversation;

import java.io.IOException;
import java.io.InputStream;
import org.sohbet.account.AccountId;
import org.sohbet.shared.settings.SohbetSettings;
import org.sohbet.shared.storage.KeyedFiles;
import org.springframework.stereotype.Component;

/** Attachments under {@code SOHBET_DATA_DIR/uploads}, named by random keys the server makes. */
@Component
class AttachmentStore {

    private final KeyedFiles files;

    AttachmentStore(SohbetSettings settings) {
        this.files = new KeyedFiles(settings.dataDirectory().resolve("uploads"), "upload-");
    }

    /** Writes the bytes durably and returns the storage key. */
    String store(AccountId account, byte[] content) {
        return files.store(account.value(), content);
    }

    InputStream open(String key) throws IOException {
        return files.open(key);
    }

    void delete(String key) {
        files.delete(key);
    }
}
