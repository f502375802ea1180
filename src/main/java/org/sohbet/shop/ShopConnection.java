package org.sohbet.shop;

import java.net.URI;
import java.time.Instant;
import org.sohbet.account.AccountId;

/** An account's order-lookup connection; {@code secret} stays sealed until a call needs it. */
record ShopConnection(
        AccountId accountId, String platform, URI baseUrl, String apiKey, byte[] secret, Instant updatedAt) {

    @Override
    public String toString() {
        return "ShopConnection[" + accountId + ", " + platform + ", " + baseUrl + "]";
    }
}
