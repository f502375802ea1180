package org.sohbet.conversation;

import org.sohbet.account.AccountId;
import org.sohbet.shared.i18n.Language;

/**
 * Mails a contact a copy of their conversation. A channel that can send mail provides it, so the channel the contact
 * is on (the widget) offers a transcript without knowing how it travels.
 */
public interface TranscriptRequests {

    enum Outcome {
        QUEUED,
        /** The contact has no usable email address. */
        NO_ADDRESS,
        /** Too many transcripts of this conversation lately. */
        RATE_LIMITED,
        /** No mailbox sends for the conversation's inbox. */
        UNAVAILABLE
    }

    /** Whether transcripts of the inbox's conversations can be sent at all. */
    boolean available(AccountId account, long inboxId);

    /**
     * Queues a transcript of the conversation to its contact, in the language given.
     *
     * @throws org.sohbet.shared.NotFoundException when the conversation is not the account's
     */
    Outcome request(AccountId account, ConversationId id, Language language);
}
