package org.sohbet.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The seller and seller_member tables. */
@Repository
class SellerRepository {

    private final JdbcClient jdbc;

    SellerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, String name, String key, boolean active, Instant now) {
        return jdbc.sql("""
                        insert into seller (account_id, name, seller_key, active, created_at)
                        values (:account, :name, :key, :active, :now) returning id""")
                .param("account", account.value())
                .param("name", name)
                .param("key", key)
                .param("active", active)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    int update(AccountId account, long id, String name, String key, boolean active) {
        return jdbc.sql("""
                        update seller set name = :name, seller_key = :key, active = :active
                        where account_id = :account and id = :id""")
                .param("name", name)
                .param("key", key)
                .param("active", active)
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    boolean taken(AccountId account, String name, String key, long exceptId, boolean byName) {
        String column = byName ? "lower(name) = lower(:value)" : "seller_key = :value";
        return jdbc.sql("select exists (select 1 from seller where account_id = :account and " + column
                        + " and id <> :id)")
                .param("account", account.value())
                .param("value", byName ? name : key)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Only plain agents of this account join: owners and admins are the operator's and see everything anyway. An
     * agent moved here leaves the seller they worked for before.
     */
    void replaceMembers(AccountId account, long id, Set<AgentId> members) {
        Long[] agents = members.stream().map(AgentId::value).toArray(Long[]::new);
        jdbc.sql(
                        "delete from seller_member where account_id = :account and (seller_id = :id or agent_id = any(:agents))")
                .param("account", account.value())
                .param("id", id)
                .param("agents", agents)
                .update();
        jdbc.sql("""
                        insert into seller_member (account_id, agent_id, seller_id)
                        select m.account_id, m.agent_id, :id from membership m
                        where m.account_id = :account and m.agent_id = any(:agents) and m.role = 'agent'""")
                .param("id", id)
                .param("account", account.value())
                .param("agents", agents)
                .update();
    }

    List<Seller> list(AccountId account) {
        Map<Long, Seller> sellers = new LinkedHashMap<>();
        Map<Long, Set<AgentId>> members = new LinkedHashMap<>();
        jdbc.sql("select agent_id, seller_id from seller_member where account_id = :account")
                .param("account", account.value())
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong("seller_id"), s -> new LinkedHashSet<>())
                            .add(new AgentId(rs.getLong("agent_id")));
                });
        jdbc.sql("""
                        select id, name, seller_key, active from seller where account_id = :account
                        order by lower(name), id""").param("account", account.value()).query(rs -> {
            long id = rs.getLong("id");
            sellers.put(
                    id,
                    new Seller(
                            id,
                            account,
                            rs.getString("name"),
                            rs.getString("seller_key"),
                            rs.getBoolean("active"),
                            Set.copyOf(members.getOrDefault(id, Set.of()))));
        });
        return new ArrayList<>(sellers.values());
    }
}
