package org.sohbet.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Team;
import org.sohbet.conversation.events.AgentMentioned;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds {@code @Display Name} mentions in a note and records one per agent named. Only agents who can see the
 * conversation are notified, so a mention never tells anyone about a conversation they may not open.
 */
@Component
class Mentions {

    private final JdbcClient jdbc;
    private final Team team;
    private final Access access;
    private final ApplicationEventPublisher events;

    Mentions(JdbcClient jdbc, Team team, Access access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.team = team;
        this.access = access;
        this.events = events;
    }

    void record(SignedInAgent by, ConversationSummary conversation, MessageView note) {
        List<Membership> members = team.members(by.accountId());
        for (AgentId agent : named(note.text(), members)) {
            if (agent.equals(by.agentId())
                    || !access.mayServe(
                            by.accountId(),
                            agent,
                            conversation.inboxId(),
                            conversation.teamId(),
                            conversation.sellerId())) {
                continue;
            }
            jdbc.sql("""
                            insert into mention (account_id, agent_id, conversation_id, message_id, created_at)
                            values (:account, :agent, :conversation, :message, :at)""")
                    .param("account", by.accountId().value())
                    .param("agent", agent.value())
                    .param("conversation", conversation.id().value())
                    .param("message", note.id())
                    .param("at", DatabaseTime.of(note.at()))
                    .update();
            events.publishEvent(new AgentMentioned(by.accountId(), agent, conversation.id(), note));
        }
    }

    /** The enabled agents whose display name follows an {@code @}, longest name first so "Ali Reza" beats "Ali". */
    static List<AgentId> named(String text, List<Membership> members) {
        if (text == null || text.indexOf('@') < 0) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Membership> byLength = new ArrayList<>(members);
        byLength.sort(Comparator.comparingInt((Membership m) -> m.displayName().length())
                .reversed());
        Map<AgentId, Boolean> found = new LinkedHashMap<>();
        for (int at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
            for (Membership m : byLength) {
                String name = m.displayName().toLowerCase(Locale.ROOT);
                int end = at + 1 + name.length();
                if (m.enabled()
                        && lower.startsWith(name, at + 1)
                        && (end == lower.length() || !Character.isLetterOrDigit(lower.codePointAt(end)))) {
                    found.put(m.agentId(), true);
                    break;
                }
            }
        }
        return List.copyOf(found.keySet());
    }
}
