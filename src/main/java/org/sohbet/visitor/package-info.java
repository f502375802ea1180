/**
 * Live visitors on the shop site: page views and commerce events (product, cart, checkout step, purchase) from the
 * loader's page API, validated at the boundary, kept live in memory and written in batches. Depends on
 * {@code account}, {@code contact}, {@code conversation} (the ids of the conversations a visitor chatted in)
 * and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"account", "contact", "conversation", "shared"})
package org.sohbet.visitor;

import org.springframework.modulith.ApplicationModule;
