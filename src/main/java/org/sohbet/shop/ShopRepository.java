package org.sohbet.shop;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the shop module's tables, always by account. */
@Repository
class ShopRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ShopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ShopConnection> connection(AccountId account) {
        return jdbc.sql("""
                        select platform, base_url, api_key, secret, updated_at from shop_connection
                        where account_id = :account""")
                .param("account", account.value())
                .query((rs, n) -> new ShopConnection(
                        account,
                        rs.getString("platform"),
                        URI.create(rs.getString("base_url")),
                        rs.getString("api_key"),
                        rs.getBytes("secret"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    void saveConnection(AccountId account, String platform, URI base, String key, byte[] secret, Instant at) {
        jdbc.sql("""
                        insert into shop_connection (account_id, platform, base_url, api_key, secret, updated_at)
                        values (:account, :platform, :base, :key, :secret, :at)
                        on conflict (account_id) do update set platform = excluded.platform,
                            base_url = excluded.base_url, api_key = excluded.api_key, secret = excluded.secret,
                            updated_at = excluded.updated_at""")
                .param("account", account.value())
                .param("platform", platform)
                .param("base", base.toString())
                .param("key", key)
                .param("secret", secret)
                .param("at", Timestamp.from(at))
                .update();
    }

    int removeConnection(AccountId account) {
        return jdbc.sql("delete from shop_connection where account_id = :account")
                .param("account", account.value())
                .update();
    }

    /** Inserts or updates by order number; answers true when the order is new. */
    boolean upsertOrder(AccountId account, OrderPush order, Instant at) {
        String items = JSON.writeValueAsString(order.items().stream()
                .map(i -> java.util.Map.of("name", i.name(), "quantity", i.quantity()))
                .toList());
        return Boolean.TRUE.equals(jdbc.sql("""
                        insert into shop_order (account_id, number, email, customer_id, placed_at, status, currency,
                            total, items, tracking_url, visitor_key, created_at, updated_at)
                        values (:account, :number, :email, :customer, :placed, :status, :currency, :total,
                            cast(:items as jsonb), :tracking, :visitor, :at, :at)
                        on conflict (account_id, number) do update set email = excluded.email,
                            customer_id = excluded.customer_id, placed_at = excluded.placed_at,
                            visitor_key = coalesce(excluded.visitor_key, shop_order.visitor_key),
                            status = excluded.status, currency = excluded.currency, total = excluded.total,
                            items = excluded.items, tracking_url = excluded.tracking_url, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted""")
                .param("account", account.value())
                .param("number", order.number())
                .param("email", order.email())
                .param("customer", order.customerId())
                .param("placed", Timestamp.from(order.placedAt()))
                .param("status", order.status())
                .param("currency", order.currency())
                .param("total", order.total())
                .param("items", items)
                .param("tracking", order.trackingUrl())
                .param("visitor", order.visitorKey())
                .param("at", Timestamp.from(at))
                .query(Boolean.class)
                .single());
    }

    Optional<Order> pushedOrder(AccountId account, String number) {
        return jdbc.sql("""
                        select number, placed_at, status, currency, total, items, tracking_url from shop_order
                        where account_id = :account and number = :number""")
                .param("account", account.value())
                .param("number", number)
                .query((rs, n) -> pushed(rs))
                .optional();
    }

    List<Order> pushedOrders(AccountId account, String email, String customerId, int limit) {
        if (email == null && customerId == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select number, placed_at, status, currency, total, items, tracking_url from shop_order
                        where account_id = :account
                          and ((cast(:email as text) is not null and lower(email) = lower(cast(:email as text)))
                            or (cast(:customer as text) is not null and customer_id = cast(:customer as text)))
                        order by placed_at desc limit :limit""")
                .param("account", account.value())
                .param("email", email)
                .param("customer", customerId)
                .param("limit", limit)
                .query((rs, n) -> pushed(rs))
                .list();
    }

    private static Order pushed(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<OrderItem> items = new ArrayList<>();
        for (JsonNode item : JSON.readTree(rs.getString("items")).values()) {
            items.add(new OrderItem(
                    item.path("name").asString(), (int) item.path("quantity").asLong()));
        }
        BigDecimal total = rs.getBigDecimal("total");
        return new Order(
                rs.getString("number"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getString("status"),
                items,
                total,
                rs.getString("currency"),
                rs.getString("tracking_url"),
                OrderSource.PUSHED);
    }

    long insertToken(AccountId account, String name, byte[] hash, Instant at) {
        return jdbc.sql("""
                        insert into shop_api_token (account_id, name, token_hash, created_at)
                        values (:account, :name, :hash, :at) returning id""")
                .param("account", account.value())
                .param("name", name)
                .param("hash", hash)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    List<ApiTokens.Token> tokens(AccountId account) {
        return jdbc.sql("""
                        select id, name, created_at, last_used_at from shop_api_token
                        where account_id = :account and revoked_at is null order by created_at, id""")
                .param("account", account.value())
                .query((rs, n) -> new ApiTokens.Token(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    int revokeToken(AccountId account, long id, Instant at) {
        return jdbc.sql("""
                        update shop_api_token set revoked_at = :at
                        where account_id = :account and id = :id and revoked_at is null""")
                .param("account", account.value())
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The account of a live token, marking it used (at most once a minute, to spare writes). */
    Optional<AccountId> useToken(byte[] hash, Instant at) {
        Optional<AccountId> account = jdbc.sql("""
                        select account_id from shop_api_token where token_hash = :hash and revoked_at is null""")
                .param("hash", hash)
                .query((rs, n) -> new AccountId(rs.getLong(1)))
                .optional();
        account.ifPresent(a -> jdbc.sql("""
                        update shop_api_token set last_used_at = :at
                        where token_hash = :hash and (last_used_at is null or last_used_at < :since)""")
                .param("hash", hash)
                .param("at", Timestamp.from(at))
                .param("since", Timestamp.from(at.minusSeconds(60)))
                .update());
        return account;
    }
}
