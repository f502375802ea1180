package org.sohbet.shop.connector;

import java.net.URI;

/**
 * One order lookup: where the shop is, its credentials, and whom to look for.
 *
 * @param key WooCommerce's consumer key; empty for Shopify
 * @param secret the consumer secret or the access token, in clear only for the duration of the call
 * @param email the contact's email, or null
 * @param customerId the shop's customer id from a signed identity, or null
 */
public record Lookup(URI base, String key, String secret, String email, String customerId, int limit) {

    @Override
    public String toString() {
        return "Lookup[base=" + base + ", email=" + (email != null) + ", customerId=" + (customerId != null) + "]";
    }
}
