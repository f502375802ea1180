package org.sohbet.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The console's lists: the queue (unassigned), mine, all, and one team's, filtered by status, inbox and label, a page
 * at a time, and the counts beside them. Everything is scoped by {@link Access}, in SQL.
 *
 * <p>Open work is small however large the history, so open, pending and snoozed lists sort by last activity in the
 * query; resolved lists page along the (account, status, status_changed_at) index. The queue is in line order.
 */
@Service
public class ConversationViews {

    public static final int PAGE = 50;
    /**
     * Resolved conversations pile up without end, so their counts stop here: a count of this value means "at least".
     * Counting all of them took a second on a million conversations (docs/performance.md, "Inbox, routing and
     * queue"); open, pending and snoozed work stays small and is counted exactly.
     */
    public static final int COUNT_CAP = 1000;

    private final JdbcClient jdbc;
    private final Access access;
    private final Teams teams;

    ConversationViews(JdbcClient jdbc, Access access, Teams teams) {
        this.jdbc = jdbc;
        this.access = access;
        this.teams = teams;
    }

    public enum View {
        UNASSIGNED,
        MINE,
        ALL,
        TEAM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<View> parse(String code) {
            for (View view : values()) {
                if (view.code().equals(code)) {
                    return Optional.of(view);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param after the cursor of the previous page, or null for the first
     * @param urgent most urgent first: the earliest service-level due time first, those without one last (ADR 29);
     *     resolved lists have nothing due and keep their order
     */
    public record Query(
            View view, Long team, ConversationStatus status, Long inbox, Long label, String after, boolean urgent) {

        public Query(View view, Long team, ConversationStatus status, Long inbox, Long label, String after) {
            this(view, team, status, inbox, label, after, false);
        }
    }

    public record Page(List<ConversationSummary> rows, String next) {}

    public Page list(SignedInAgent agent, Query query) {
        Access.Scope scope = access.scope(agent);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = where(scope, query.status(), params);
        switch (query.view()) {
            case UNASSIGNED -> where.append(" and c.assignee_id is null");
            case MINE -> where.append(" and c.assignee_id = :me");
            case TEAM -> {
                where.append(" and c.team_id = :team");
                params.put("team", query.team() == null ? -1L : query.team());
            }
            case ALL -> {}
        }
        if (query.inbox() != null) {
            where.append(" and c.inbox_id = :inbox");
            params.put("inbox", query.inbox());
        }
        if (query.label() != null) {
            where.append(" and exists (select 1 from conversation_label l where l.conversation_id = c.id"
                    + " and l.label_id = :label)");
            params.put("label", query.label());
        }
        Sort sort = sort(query);
        Cursor cursor = Cursor.parse(query.after());
        if (cursor != null) {
            where.append(sort.after);
            params.put("cursorAt", DatabaseTime.of(cursor.at()));
            params.put("cursorId", cursor.id());
        }
        params.put("limit", PAGE + 1);
        var statement = jdbc.sql("select " + ConversationRepository.SUMMARY_COLUMNS + " from conversation c where "
                + where + " order by " + sort.order + " limit :limit");
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<ConversationSummary> rows =
                new ArrayList<>(statement.query(ConversationRepository::summary).list());
        String next = null;
        if (rows.size() > PAGE) {
            rows = new ArrayList<>(rows.subList(0, PAGE));
            ConversationSummary last = rows.getLast();
            next = new Cursor(sort.key(last), last.id().value()).format();
        }
        return new Page(rows, next);
    }

    static Sort sort(Query query) {
        if (query.status() == ConversationStatus.RESOLVED) {
            return Sort.CHANGED;
        }
        if (query.urgent()) {
            return Sort.URGENT;
        }
        return query.view() == View.UNASSIGNED ? Sort.QUEUE : Sort.ACTIVITY;
    }

    /** Counts of the views for one status, as the agent's scope sees them. */
    public record Counts(long unassigned, long mine, long all, Map<Long, Long> teams) {}

    public Counts counts(SignedInAgent agent, ConversationStatus status, Long inbox) {
        Access.Scope scope = access.scope(agent);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = where(scope, status, params);
        if (inbox != null) {
            where.append(" and c.inbox_id = :inbox");
            params.put("inbox", inbox);
        }
        if (status == ConversationStatus.RESOLVED) {
            return cappedCounts(scope, where.toString(), params);
        }
        var statement = jdbc.sql("""
                select count(*) filter (where c.assignee_id is null) as unassigned,
                       count(*) filter (where c.assignee_id = :me) as mine,
                       count(*) as all_, coalesce(c.team_id, 0) as team
                from conversation c where""" + " " + where + " group by rollup (coalesce(c.team_id, 0))");
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        long[] totals = new long[3];
        Map<Long, Long> teams = new LinkedHashMap<>();
        statement.query(rs -> {
            long team = rs.getLong("team");
            if (rs.wasNull()) {
                totals[0] = rs.getLong("unassigned");
                totals[1] = rs.getLong("mine");
                totals[2] = rs.getLong("all_");
            } else if (team != 0) {
                teams.put(team, rs.getLong("all_"));
            }
        });
        return new Counts(totals[0], totals[1], totals[2], teams);
    }

    /**
     * Each view counted up to {@link #COUNT_CAP}: every count reads at most that many index entries, along
     * conversation_status_idx (all), conversation_assignee_idx (unassigned, mine) and conversation_team_idx (teams).
     */
    private Counts cappedCounts(Access.Scope scope, String where, Map<String, Object> params) {
        String capped = "(select count(*) from (select 1 from conversation c where " + where + " %s limit :cap) x)";
        var statement = jdbc.sql("select " + capped.formatted("and c.assignee_id is null") + " as unassigned, "
                        + capped.formatted("and c.assignee_id = :me") + " as mine, " + capped.formatted("")
                        + " as all_")
                .param("cap", COUNT_CAP);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        long[] totals = new long[3];
        statement.query(rs -> {
            totals[0] = rs.getLong("unassigned");
            totals[1] = rs.getLong("mine");
            totals[2] = rs.getLong("all_");
        });
        Long[] teamIds = scope.everything()
                ? teams.list(scope.account()).stream().map(TeamGroup::id).toArray(Long[]::new)
                : scope.teams().toArray(Long[]::new);
        Map<Long, Long> byTeam = new LinkedHashMap<>();
        if (teamIds.length > 0) {
            var perTeam = jdbc.sql("select t.team, " + capped.formatted("and c.team_id = t.team")
                            + " as n from unnest(cast(:teamIds as bigint[])) as t (team)")
                    .param("cap", COUNT_CAP)
                    .param("teamIds", teamIds);
            for (Map.Entry<String, Object> p : params.entrySet()) {
                perTeam = perTeam.param(p.getKey(), p.getValue());
            }
            perTeam.query(rs -> {
                byTeam.put(rs.getLong("team"), rs.getLong("n"));
            });
        }
        return new Counts(totals[0], totals[1], totals[2], byTeam);
    }

    private static StringBuilder where(Access.Scope scope, ConversationStatus status, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("c.account_id = :account and c.status = :status");
        params.put("account", scope.account().value());
        params.put("status", status.code());
        params.put("me", scope.agent().value());
        if (!scope.everything()) {
            where.append(" and (c.assignee_id = :me or (c.inbox_id = any(:inboxes)"
                    + " and (c.team_id is null or c.team_id = any(:teams))))");
            params.put("inboxes", scope.inboxes().toArray(Long[]::new));
            params.put("teams", scope.teams().toArray(Long[]::new));
        }
        if (scope.seller() != null) {
            where.append(" and c.seller_id = :seller");
            params.put("seller", scope.seller());
        }
        return where;
    }

    /** Stands for "nothing due" in the urgent order; the same constant as conversation_service_due_idx (V0090). */
    static final Instant NOTHING_DUE = Instant.parse("9999-12-31T00:00:00Z");

    private static final String SERVICE_DUE =
            "coalesce(least(c.first_response_due_at, c.resolution_due_at)," + " timestamptz '9999-12-31 00:00:00+00')";

    enum Sort {
        ACTIVITY("c.updated_at desc, c.id desc", " and (c.updated_at, c.id) < (:cursorAt, :cursorId)"),
        CHANGED("c.status_changed_at desc, c.id desc", " and (c.status_changed_at, c.id) < (:cursorAt, :cursorId)"),
        QUEUE("c.queued_at asc nulls last, c.id asc", " and (c.queued_at, c.id) > (:cursorAt, :cursorId)"),
        // The expression is written exactly as in the index, so the list reads one range of it in order.
        URGENT(SERVICE_DUE + " asc, c.id asc", " and (" + SERVICE_DUE + ", c.id) > (:cursorAt, :cursorId)");

        final String order;
        final String after;

        Sort(String order, String after) {
            this.order = order;
            this.after = after;
        }

        Instant key(ConversationSummary c) {
            return switch (this) {
                case ACTIVITY -> c.updatedAt();
                case CHANGED -> c.statusChangedAt();
                case QUEUE -> c.queuedAt() == null ? Instant.EPOCH : c.queuedAt();
                case URGENT -> c.serviceDueAt() == null ? NOTHING_DUE : c.serviceDueAt();
            };
        }
    }

    /** A page boundary: the sort time in microseconds and the id, as {@code micros-id}. */
    record Cursor(Instant at, long id) {

        String format() {
            long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
            return micros + "-" + id;
        }

        static Cursor parse(String value) {
            if (value == null || !value.matches("-?\\d{1,19}-\\d{1,19}")) {
                return null;
            }
            int dash = value.lastIndexOf('-');
            try {
                long micros = Long.parseLong(value.substring(0, dash));
                long id = Long.parseLong(value.substring(dash + 1));
                return new Cursor(
                        Instant.ofEpochSecond(
                                Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                        id);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
