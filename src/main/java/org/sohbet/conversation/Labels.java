package org.sohbet.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's labels and which conversations carry them. Owners and admins manage labels; agents apply them. */
@Service
public class Labels {

    public static final int MAX_NAME = 40;

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final RealtimeHub hub;
    private final Clock clock;

    Labels(JdbcClient jdbc, Conversations conversations, RealtimeHub hub, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.hub = hub;
        this.clock = clock;
    }

    public List<Label> list(AccountId account) {
        return jdbc.sql("select id, name, color from label where account_id = :account order by lower(name)")
                .param("account", account.value())
                .query((rs, row) -> new Label(rs.getLong("id"), rs.getString("name"), rs.getString("color")))
                .list();
    }

    @Transactional
    public Label create(SignedInAgent by, String name, String color) {
        checkManager(by);
        String clean = checkName(name);
        String hex = checkColor(color);
        try {
            long id = jdbc.sql("""
                            insert into label (account_id, name, color, created_at)
                            values (:account, :name, :color, :now) returning id""")
                    .param("account", by.accountId().value())
                    .param("name", clean)
                    .param("color", hex)
                    .param("now", DatabaseTime.of(clock.instant()))
                    .query(Long.class)
                    .single();
            return new Label(id, clean, hex);
        } catch (DuplicateKeyException e) {
            throw new ConversationProblem("label_taken");
        }
    }

    @Transactional
    public void delete(SignedInAgent by, long id) {
        checkManager(by);
        int deleted = jdbc.sql("delete from label where account_id = :account and id = :id")
                .param("account", by.accountId().value())
                .param("id", id)
                .update();
        if (deleted == 0) {
            throw new NotFoundException();
        }
    }

    /** The labels on a conversation the agent can see. */
    public List<Label> of(SignedInAgent agent, ConversationId conversation) {
        conversations.visible(agent, conversation).orElseThrow(NotFoundException::new);
        return jdbc.sql("""
                        select l.id, l.name, l.color from conversation_label cl join label l on l.id = cl.label_id
                        where cl.account_id = :account and cl.conversation_id = :conversation order by lower(l.name)""")
                .param("account", agent.accountId().value())
                .param("conversation", conversation.value())
                .query((rs, row) -> new Label(rs.getLong("id"), rs.getString("name"), rs.getString("color")))
                .list();
    }

    /** Labels of many conversations at once, for a list. */
    public Map<Long, List<Label>> ofAll(AccountId account, Set<Long> conversationIds) {
        Map<Long, List<Label>> result = new java.util.HashMap<>();
        if (conversationIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select cl.conversation_id, l.id, l.name, l.color
                        from conversation_label cl join label l on l.id = cl.label_id
                        where cl.account_id = :account and cl.conversation_id = any(:ids) order by lower(l.name)""")
                .param("account", account.value())
                .param("ids", conversationIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("conversation_id"), id -> new ArrayList<>())
                            .add(new Label(rs.getLong("id"), rs.getString("name"), rs.getString("color")));
                });
        return result;
    }

    /** Replaces the conversation's labels; ids of other accounts' labels are ignored. */
    @Transactional
    public void set(SignedInAgent agent, ConversationId conversation, Set<Long> labelIds) {
        ConversationSummary c = conversations.visible(agent, conversation).orElseThrow(NotFoundException::new);
        jdbc.sql("delete from conversation_label where account_id = :account and conversation_id = :conversation")
                .param("account", agent.accountId().value())
                .param("conversation", conversation.value())
                .update();
        jdbc.sql("""
                        insert into conversation_label (conversation_id, label_id, account_id)
                        select :conversation, l.id, l.account_id from label l
                        where l.account_id = :account and l.id = any(:labels)""")
                .param("conversation", conversation.value())
                .param("account", agent.accountId().value())
                .param("labels", labelIds.toArray(Long[]::new))
                .update();
        hub.publish(
                RealtimeHub.accountTopic(agent.accountId().value()),
                new LiveEvent(
                        "conversation",
                        0,
                        "agent",
                        Frames.write(Map.of("type", "conversation", "id", conversation.value(), "event", "labels")),
                        AgentAudience.of(c)));
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new ConversationProblem("invalid");
        }
        return clean;
    }

    private static String checkColor(String color) {
        String clean =
                color == null || color.isBlank() ? "#6b7280" : color.strip().toLowerCase(java.util.Locale.ROOT);
        if (!clean.matches("#[0-9a-f]{6}")) {
            throw new ConversationProblem("invalid");
        }
        return clean;
    }

    private static void checkManager(SignedInAgent by) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins manage labels");
        }
    }
}
