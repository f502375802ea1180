package org.sohbet.conversation;

/**
 * A waiting contact's place in line: 1 is next. The wait is estimated from how fast the inbox's queue moved lately,
 * and is null until there is enough history to say.
 */
public record QueueSpot(long conversationId, int position, Long etaSeconds) {}
