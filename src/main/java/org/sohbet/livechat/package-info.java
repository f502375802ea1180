/**
 * The website channel: inboxes with their widget settings, anonymous and verified visitor sessions, the visitor
 * socket, the widget's HTTP endpoints and the demo shop. Depends on {@code account}, {@code contact},
 * {@code conversation}, {@code helpcenter} (the FAQ bot's articles), {@code proactive}, {@code visitor} and {@code shared}.
 */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "account::events",
            "contact",
            "conversation",
            "helpcenter",
            "proactive",
            "shared",
            "visitor"
        })
package org.sohbet.livechat;

import org.springframework.modulith.ApplicationModule;
