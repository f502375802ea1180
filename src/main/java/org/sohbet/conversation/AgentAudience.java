package org.sohbet.conversation;

import org.sohbet.account.AgentId;
import org.sohbet.shared.realtime.LiveEvent;

/**
 * The audience of an event on an account topic, written as a short string so the agent socket filters without
 * parsing the frame: {@code c:inbox:team:assignee:seller} for a conversation's notice ({@code -} for none), {@code a:agent}
 * for one agent. An event without an audience is for the whole account.
 */
public final class AgentAudience {

    private AgentAudience() {}

    static String of(ConversationSummary c) {
        return "c:" + c.inboxId() + ":" + (c.teamId() == null ? "-" : c.teamId()) + ":"
                + (c.assigneeId() == null ? "-" : c.assigneeId().value()) + ":"
                + (c.sellerId() == null ? "-" : c.sellerId());
    }

    static String only(AgentId agent) {
        return "a:" + agent.value();
    }

    /** Whether an agent with this scope may receive the event. */
    public static boolean admits(Access.Scope scope, LiveEvent event) {
        String audience = event.audience();
        if (audience == null) {
            return true;
        }
        String[] parts = audience.split(":");
        if (parts[0].equals("a")) {
            return parts.length == 2
                    && Long.parseLong(parts[1]) == scope.agent().value();
        }
        if (parts[0].equals("c") && parts.length == 5) {
            Long team = parts[2].equals("-") ? null : Long.valueOf(parts[2]);
            AgentId assignee = parts[3].equals("-") ? null : new AgentId(Long.parseLong(parts[3]));
            Long seller = parts[4].equals("-") ? null : Long.valueOf(parts[4]);
            return scope.sees(Long.parseLong(parts[1]), team, assignee, seller);
        }
        return false;
    }
}
