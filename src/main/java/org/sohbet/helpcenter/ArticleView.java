package org.sohbet.helpcenter;

import org.sohbet.shared.i18n.Language;

/**
 * A published article as the widget's help view shows it. {@code summary} is plain text; {@code html} is the
 * sanitized body (ADR 0021), or null in a list; {@code path} is the public page relative to Sohbet's base URL.
 */
public record ArticleView(long id, Language language, String title, String summary, String html, String path) {}
