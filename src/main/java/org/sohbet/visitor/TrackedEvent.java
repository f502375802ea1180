package org.sohbet.visitor;

/** One accepted event of a visitor: a page view, a page left (with its time), a commerce or custom event, a cart. */
record TrackedEvent(String type, String name, String url, String title, String props, long millis) {}
