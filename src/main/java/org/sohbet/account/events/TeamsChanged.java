package org.sohbet.account.events;

import org.sohbet.account.AccountId;

/** The account's teams or their members changed; modules that cache who belongs where forget it. */
public record TeamsChanged(AccountId accountId) {}
