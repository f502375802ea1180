package org.sohbet.account;

/** A person who signs in to the console. */
public record AgentId(long value) {}
