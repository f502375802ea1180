@NamedInterface("events")
package org.sohbet.conversation.events;

import org.springframework.modulith.NamedInterface;
