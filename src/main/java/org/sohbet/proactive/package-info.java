/**
 * Proactive invitations: rules per website inbox that invite a tracked visitor to chat when its page, time on page,
 * cart or checkout step match, with frequency caps and counts of how often each rule fired and turned into a chat.
 * Depends on {@code account}, {@code conversation} (the inbox registry), {@code visitor} and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"account", "conversation", "visitor", "shared"})
package org.sohbet.proactive;

import org.springframework.modulith.ApplicationModule;
