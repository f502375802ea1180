package org.sohbet.shop;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shop.connector.Connector;
import org.sohbet.shop.connector.ShopHttp;
import org.sohbet.shop.connector.ShopUrls;
import org.sohbet.shop.shopify.Shopify;
import org.sohbet.shop.woocommerce.WooCommerce;
import org.springframework.stereotype.Service;

/** The account's order-lookup connection, as owners and admins set it up in Settings, Shop. */
@Service
public class ShopConnections {

    public static final String WOOCOMMERCE = "woocommerce";
    public static final String SHOPIFY = "shopify";

    /** What the settings page shows: never the secret, only whether one is stored. */
    public record View(String platform, String baseUrl, String apiKey, Instant updatedAt) {}

    private final ShopRepository repository;
    private final ShopSecrets secrets;
    private final ShopUrls urls;
    private final Map<String, Connector> connectors;
    private final Clock clock;

    ShopConnections(ShopRepository repository, ShopSecrets secrets, ShopSettings settings, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.clock = clock;
        this.urls = new ShopUrls(settings.privateHostSet());
        ShopHttp http = new ShopHttp(urls, settings.timeout());
        this.connectors = Map.of(WOOCOMMERCE, new WooCommerce(http), SHOPIFY, new Shopify(http));
    }

    public Optional<View> view(SignedInAgent by) {
        ApiTokens.requireManager(by);
        return repository
                .connection(by.accountId())
                .map(c -> new View(c.platform(), c.baseUrl().toString(), c.apiKey(), c.updatedAt()));
    }

    /**
     * Saves the connection. A blank secret keeps the stored one, so the form never needs to show it.
     *
     * @throws OrderProblem naming the field: {@code platform}, {@code url} (with the refusal's code), {@code key},
     *     {@code secret}
     */
    public void save(SignedInAgent by, String platform, String url, String key, String secret) {
        ApiTokens.requireManager(by);
        if (!connectors.containsKey(platform)) {
            throw new OrderProblem("platform", "platform");
        }
        URI base;
        try {
            base = urls.check(url);
        } catch (ShopUrls.Refused refused) {
            throw new OrderProblem("url", refused.code());
        }
        String cleanKey = key == null ? "" : key.strip();
        if (platform.equals(WOOCOMMERCE) && (cleanKey.isEmpty() || cleanKey.length() > 200)) {
            throw new OrderProblem("key", "key");
        }
        if (platform.equals(SHOPIFY)) {
            cleanKey = "";
        }
        String cleanSecret = secret == null ? "" : secret.strip();
        byte[] sealed;
        if (cleanSecret.isEmpty()) {
            Optional<ShopConnection> existing = repository.connection(by.accountId());
            if (existing.isEmpty() || !existing.get().platform().equals(platform)) {
                throw new OrderProblem("secret", "secret");
            }
            sealed = existing.get().secret();
        } else if (cleanSecret.length() > 500 || cleanSecret.chars().anyMatch(Character::isISOControl)) {
            throw new OrderProblem("secret", "secret");
        } else {
            sealed = secrets.seal(cleanSecret);
        }
        repository.saveConnection(
                by.accountId(), platform, base, cleanKey, sealed, DatabaseTime.truncate(clock.instant()));
    }

    public void remove(SignedInAgent by) {
        ApiTokens.requireManager(by);
        repository.removeConnection(by.accountId());
    }

    Connector connector(String platform) {
        return connectors.get(platform);
    }

    String secret(ShopConnection connection) {
        return secrets.open(connection.secret());
    }
}
