package org.sohbet.account.events;

import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Role;

/** An agent accepted an invitation and now works in the account. */
public record AgentJoined(AccountId accountId, AgentId agentId, Role role) {}
