package org.sohbet.shop;

/** A line of an order: what, and how many. */
public record OrderItem(String name, int quantity) {}
