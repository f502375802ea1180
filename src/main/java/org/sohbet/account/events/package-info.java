/** Facts the account module publishes for other modules. */
@NamedInterface("events")
package org.sohbet.account.events;

import org.springframework.modulith.NamedInterface;
