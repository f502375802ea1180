package org.sohbet.conversation;

public record ConversationId(long value) {}
