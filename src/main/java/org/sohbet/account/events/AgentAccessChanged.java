package org.sohbet.account.events;

import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;

/** An agent was disabled or re-enabled in an account; modules holding live connections must re-check access. */
public record AgentAccessChanged(AccountId accountId, AgentId agentId, boolean enabled) {}
