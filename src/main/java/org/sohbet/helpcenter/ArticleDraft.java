package org.sohbet.helpcenter;

/** What the editor sends for one translation. */
record ArticleDraft(String title, String slug, String summary, String bodyMarkdown, boolean published) {}
