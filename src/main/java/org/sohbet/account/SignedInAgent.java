package org.sohbet.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * The principal of a console session: who signed in, into which account, with which role, and when. Controllers of
 * any module receive it with {@code @AuthenticationPrincipal}.
 */
public record SignedInAgent(AgentId agentId, AccountId accountId, Role role, Instant signedInAt)
        implements Serializable {}
