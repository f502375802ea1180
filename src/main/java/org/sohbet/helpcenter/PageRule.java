package org.sohbet.helpcenter;

/** A suggestion rule: on shop pages whose address matches {@code pattern}, the widget suggests the article. */
public record PageRule(long id, String pattern, long articleId, String articleTitle) {}
