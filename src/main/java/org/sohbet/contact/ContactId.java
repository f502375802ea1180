package org.sohbet.contact;

/** A person the shop talks to. */
public record ContactId(long value) {}
