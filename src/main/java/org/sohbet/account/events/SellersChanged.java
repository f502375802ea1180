package org.sohbet.account.events;

import org.sohbet.account.AccountId;

/** The account's sellers, their keys or their agents changed; modules that cache who sees what forget it. */
public record SellersChanged(AccountId accountId) {}
