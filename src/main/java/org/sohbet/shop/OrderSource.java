package org.sohbet.shop;

/** Where an order shown in the panel came from. */
public enum OrderSource {
    WOOCOMMERCE,
    SHOPIFY,
    PUSHED
}
