package org.sohbet.conversation.events;

import org.sohbet.account.AccountId;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.MessageView;

/**
 * A message was stored in a conversation: text, a file or a status change. Published inside the transaction; live
 * fan-out listens after commit.
 *
 * @param created whether this message opened the conversation
 */
public record ConversationChanged(
        AccountId accountId, ConversationSummary conversation, MessageView message, boolean created) {}
