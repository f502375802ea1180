package org.sohbet.conversation;

/** A file on a message. The URL is signed and short-lived; fetch the message again for a fresh one. */
public record AttachmentView(long id, String name, String type, long size, String url) {

    public boolean isImage() {
        return type.startsWith("image/");
    }
}
