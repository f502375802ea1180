package org.sohbet.account;

import java.util.Set;

/** A team of agents inside an account, with its members' ids. */
public record TeamGroup(long id, AccountId accountId, String name, Set<AgentId> members) {

    public boolean has(AgentId agent) {
        return members.contains(agent);
    }
}
