@NamedInterface("events")
package org.sohbet.visitor.events;

import org.springframework.modulith.NamedInterface;
