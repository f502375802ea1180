package org.sohbet.account.events;

import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;

/** A new tenant exists, with its first owner. */
public record AccountCreated(AccountId accountId, AgentId ownerId, String defaultLanguage) {}
