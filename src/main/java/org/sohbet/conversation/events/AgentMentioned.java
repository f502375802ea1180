package org.sohbet.conversation.events;

import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.MessageView;

/** An agent was named in a private note of a conversation they can see. */
public record AgentMentioned(AccountId accountId, AgentId agentId, ConversationId conversationId, MessageView note) {}
