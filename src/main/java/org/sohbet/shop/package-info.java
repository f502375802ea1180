/**
 * Orders beside the conversation: per-account lookup connectors (WooCommerce, Shopify), orders pushed by shops
 * without one through {@code /api/v1/orders}, the account's API tokens, and the orders panel of the conversation
 * view. Depends on {@code account}, {@code contact}, {@code conversation} (to see a conversation only as the agent's
 * access scope does), {@code visitor} (the journey and the chats it attributes purchases to) and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"account", "contact", "conversation", "shared", "visitor", "visitor::events"})
package org.sohbet.shop;

import org.springframework.modulith.ApplicationModule;
