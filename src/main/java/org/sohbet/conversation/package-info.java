/**
 * Conversations and their messages, whatever the channel: the per-conversation sequence, idempotent sends, status
 * changes, ratings, attachments, live feeds for sockets, and the console's conversation view. Depends on
 * {@code account}, {@code contact} and {@code shared}; it never knows a channel.
 */
@ApplicationModule(allowedDependencies = {"account", "account::events", "contact", "shared"})
package org.sohbet.conversation;

import org.springframework.modulith.ApplicationModule;
