package org.sohbet.account;

import java.util.Set;

/**
 * A seller inside a marketplace account, with the agents who work for it.
 *
 * @param key what the shop's page names in {@code data-seller} or in track properties
 */
public record Seller(long id, AccountId accountId, String name, String key, boolean active, Set<AgentId> members) {

    public boolean has(AgentId agent) {
        return members.contains(agent);
    }
}
