package org.sohbet.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Serves stored files to whoever holds a valid signed link (see {@link AttachmentLinks}). */
@Service
public class Attachments {

    private final ConversationRepository repository;
    private final AttachmentLinks links;
    private final AttachmentStore store;

    Attachments(ConversationRepository repository, AttachmentLinks links, AttachmentStore store) {
        this.repository = repository;
        this.links = links;
        this.store = store;
    }

    public record OpenFile(String name, String type, long size, InputStream content) {

        public boolean isImage() {
            return type.startsWith("image/");
        }
    }

    /** The file, or empty when the link is unsigned, expired or names no file: all look the same to the caller. */
    public Optional<OpenFile> open(long id, long expires, String signature) throws IOException {
        if (!links.valid(id, expires, signature)) {
            return Optional.empty();
        }
        Optional<ConversationRepository.StoredFile> file = repository.findAttachment(id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ConversationRepository.StoredFile stored = file.get();
        return Optional.of(
                new OpenFile(stored.fileName(), stored.contentType(), stored.size(), store.open(stored.storageKey())));
    }
}
