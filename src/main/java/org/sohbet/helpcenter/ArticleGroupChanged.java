package org.sohbet.helpcenter;

/** Some translation of the group was saved, published, unpublished or deleted; the index follows after commit. */
record ArticleGroupChanged(long groupId) {}
