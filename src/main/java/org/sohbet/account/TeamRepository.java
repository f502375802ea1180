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

/** The team and team_member tables. */
@Repository
class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, String name, Instant now) {
        return jdbc.sql("insert into team (account_id, name, created_at) values (:account, :name, :now) returning id")
                .param("account", account.value())
                .param("name", name)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
    }

    boolean nameTaken(AccountId account, String name, long exceptId) {
        return jdbc.sql("select exists (select 1 from team where account_id = :account and lower(name) = lower(:name)"
                        + " and id <> :id)")
                .param("account", account.value())
                .param("name", name)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    int rename(AccountId account, long id, String name) {
        return jdbc.sql("update team set name = :name where account_id = :account and id = :id")
                .param("name", name)
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    int delete(AccountId account, long id) {
        return jdbc.sql("delete from team where account_id = :account and id = :id")
                .param("account", account.value())
                .param("id", id)
                .update();
    }

    void replaceMembers(AccountId account, long id, Set<AgentId> members) {
        jdbc.sql("delete from team_member where account_id = :account and team_id = :id")
                .param("account", account.value())
                .param("id", id)
                .update();
        // Only agents of this account can join: the select drops foreign ids.
        jdbc.sql("""
                        insert into team_member (team_id, agent_id, account_id)
                        select :id, m.agent_id, m.account_id from membership m
                        where m.account_id = :account and m.agent_id = any(:agents)""")
                .param("id", id)
                .param("account", account.value())
                .param("agents", members.stream().map(AgentId::value).toArray(Long[]::new))
                .update();
    }

    List<TeamGroup> list(AccountId account) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from team where account_id = :account order by lower(name), id")
                .param("account", account.value())
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        Map<Long, Set<AgentId>> members = new LinkedHashMap<>();
        jdbc.sql("select team_id, agent_id from team_member where account_id = :account")
                .param("account", account.value())
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong("team_id"), t -> new LinkedHashSet<>())
                            .add(new AgentId(rs.getLong("agent_id")));
                });
        List<TeamGroup> teams = new ArrayList<>(names.size());
        names.forEach((id, name) ->
                teams.add(new TeamGroup(id, account, name, Set.copyOf(members.getOrDefault(id, Set.of())))));
        return teams;
    }
}
