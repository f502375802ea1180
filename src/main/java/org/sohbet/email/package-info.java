/**
 * The email channel: mailboxes beside the registry's inboxes, IMAP fetching, SMTP sending through a durable outbox,
 * threading, and sanitizing inbound HTML. Depends on {@code account}, {@code contact}, {@code conversation} and
 * {@code shared}; it never knows another channel.
 */
@ApplicationModule(
        allowedDependencies = {"account", "account::events", "contact", "conversation", "conversation::events", "shared"
        })
package org.sohbet.email;

import org.springframework.modulith.ApplicationModule;
