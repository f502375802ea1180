package org.sohbet.account;

import java.time.Instant;

/** An agent's place in one account, joined with what the team page shows of the agent. */
public record Membership(
        AccountId accountId,
        AgentId agentId,
        Role role,
        boolean enabled,
        Instant createdAt,
        Instant lastSignInAt,
        String email,
        String displayName) {}
