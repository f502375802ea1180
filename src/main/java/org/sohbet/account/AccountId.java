package org.sohbet.account;

/** A tenant: a shop, or a marketplace operator. */
public record AccountId(long value) {}
