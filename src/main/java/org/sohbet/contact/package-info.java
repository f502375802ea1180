/**
 * The small CRM: the people a shop talks to, anonymous or verified by the shop's signed identity. Depends on
 * {@code account} and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"account", "shared"})
package org.sohbet.contact;

import org.springframework.modulith.ApplicationModule;
