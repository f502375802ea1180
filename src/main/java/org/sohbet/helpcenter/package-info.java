/**
 * The help center: categories and articles in Markdown with their translations, the public {@code /help} pages, and
 * Lucene search per language (ADR 0020). Depends on {@code account} and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"account", "shared"})
package org.sohbet.helpcenter;

import org.springframework.modulith.ApplicationModule;
