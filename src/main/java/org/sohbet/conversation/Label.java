package org.sohbet.conversation;

/** A label an account puts on conversations, such as "refund" or "vip". */
public record Label(long id, String name, String color) {}
