/**
 * Tenants (accounts), the agents who work in them and their roles, first-run setup, invitations and sign-in. Depends
 * only on {@code shared}.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.sohbet.account;

import org.springframework.modulith.ApplicationModule;
