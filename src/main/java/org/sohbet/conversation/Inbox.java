package org.sohbet.conversation;

import org.sohbet.account.AccountId;

/**
 * One channel configuration and the agents who serve it. The channel's own settings (a widget's key, a mailbox's
 * server) live in the channel's module; {@code channel} is the tag that module chose.
 */
public record Inbox(long id, AccountId accountId, String name, String channel) {}
