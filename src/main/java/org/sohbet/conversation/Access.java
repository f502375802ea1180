package org.sohbet.conversation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Team;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.RoutingRepository.InboxRules;
import org.sohbet.conversation.RoutingRepository.Members;
import org.sohbet.shared.cache.BriefCache;
import org.springframework.stereotype.Service;

/**
 * Which conversations an agent may see and act on. Owners and admins see all of their account. An agent sees a
 * conversation assigned to them, and otherwise one whose inbox they serve and whose team, if it has one, they are in.
 * A seller's agent (ADR 32) sees only conversations of their seller, whatever else would admit them.
 * Every path (lists, counts, search, sockets, direct URLs) asks here, so a foreign conversation answers 404 the same
 * way everywhere.
 */
@Service
public class Access {

    private final RoutingRepository routing;
    private final Teams teams;
    private final Team team;
    private final Sellers sellers;

    Access(RoutingRepository routing, Teams teams, Team team, Sellers sellers) {
        this.routing = routing;
        this.teams = teams;
        this.team = team;
        this.sellers = sellers;
    }

    /**
     * What one agent may see, computed once per request or connection.
     *
     * @param seller the seller the agent works for: only that seller's conversations are in scope; null for the
     *     operator's people
     */
    public record Scope(
            AccountId account, AgentId agent, boolean everything, Set<Long> inboxes, Set<Long> teams, Long seller) {

        public boolean sees(ConversationSummary c) {
            return c.accountId().equals(account) && sees(c.inboxId(), c.teamId(), c.assigneeId(), c.sellerId());
        }

        public boolean sees(long inboxId, Long teamId, AgentId assignee, Long sellerId) {
            if (seller != null && !seller.equals(sellerId)) {
                return false;
            }
            return everything
                    || agent.equals(assignee)
                    || (inboxes.contains(inboxId) && (teamId == null || teams.contains(teamId)));
        }

        public boolean servesInbox(long inboxId) {
            return everything || inboxes.contains(inboxId);
        }
    }

    /**
     * A scope is read several times in one request (list, counts, the conversation, its labels), so it is kept for
     * {@link #SCOPE_TTL_NANOS}; changes of teams, inbox members and memberships clear the account's entries at once.
     */
    private static final long SCOPE_TTL_NANOS = 2_000_000_000L;

    private final BriefCache<String, Scope> scopes = new BriefCache<>(2_000);

    public Scope scope(SignedInAgent agent) {
        String key = agent.accountId().value() + ":" + agent.agentId().value() + ":" + agent.role();
        return scopes.get(agent.accountId(), key, () -> computeScope(agent));
    }

    void forgetAll() {
        scopes.clear();
    }

    /** Forgets the account's cached scopes: its teams, inbox members or memberships changed. */
    void forget(AccountId account) {
        scopes.forget(account);
    }

    // After commit: forgetting earlier would let a request in between cache the old membership again.
    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.TeamsChanged changed) {
        forget(changed.accountId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.AgentAccessChanged changed) {
        forget(changed.accountId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT,
            fallbackExecution = true)
    void on(org.sohbet.account.events.SellersChanged changed) {
        forget(changed.accountId());
    }

    private Scope computeScope(SignedInAgent agent) {
        AccountId account = agent.accountId();
        Set<Long> myTeams = teams.teamsOf(account, agent.agentId());
        if (agent.role().managesTeam()) {
            return new Scope(account, agent.agentId(), true, Set.of(), myTeams, null);
        }
        Long seller = sellers.sellerOf(agent).map(Seller::id).orElse(null);
        Set<Long> inboxes = new HashSet<>();
        Map<Long, Members> members = routing.inboxMembers(account);
        for (InboxRules rules : routing.inboxRules(account).values()) {
            if (serves(rules, members.get(rules.id()), agent.agentId(), myTeams)) {
                inboxes.add(rules.id());
            }
        }
        return new Scope(account, agent.agentId(), false, Set.copyOf(inboxes), myTeams, seller);
    }

    public boolean teamExists(AccountId account, long teamId) {
        return teams.find(account, teamId).isPresent();
    }

    /** Whether an enabled agent of the account could see a conversation of this inbox, team and seller. */
    public boolean mayServe(AccountId account, AgentId agent, long inboxId, Long teamId, Long sellerId) {
        return servers(account, inboxId, teamId, sellerId).contains(agent);
    }

    /** The enabled agents who could see a conversation of this inbox, team and seller, worked out in one pass. */
    public Set<AgentId> servers(AccountId account, long inboxId, Long teamId, Long sellerId) {
        InboxRules rules = routing.inboxRules(account).get(inboxId);
        if (rules == null) {
            return Set.of();
        }
        Members members = routing.inboxMembers(account).get(inboxId);
        java.util.List<TeamGroup> groups = teams.list(account);
        Map<AgentId, Long> sellerOf = sellerOf(sellers.list(account));
        Set<AgentId> result = new HashSet<>();
        for (Membership m : team.members(account)) {
            if (!m.enabled()) {
                continue;
            }
            Long agentSeller = m.role().managesTeam() ? null : sellerOf.get(m.agentId());
            if (agentSeller != null && !agentSeller.equals(sellerId)) {
                continue;
            }
            Set<Long> agentTeams = teamsOf(groups, m.agentId());
            if (m.role().managesTeam()
                    || (serves(rules, members, m.agentId(), agentTeams)
                            && (teamId == null || agentTeams.contains(teamId)))) {
                result.add(m.agentId());
            }
        }
        return result;
    }

    /** Whether the agent serves the inbox: every agent serves an open one; a restricted one names its people. */
    static boolean serves(InboxRules rules, Members members, AgentId agent, Set<Long> agentTeams) {
        if (!rules.restricted()) {
            return true;
        }
        if (members == null) {
            return false;
        }
        if (members.agents().contains(agent)) {
            return true;
        }
        for (Long team : agentTeams) {
            if (members.teams().contains(team)) {
                return true;
            }
        }
        return false;
    }

    /** Which seller each seller's agent works for. */
    static Map<AgentId, Long> sellerOf(Iterable<Seller> all) {
        Map<AgentId, Long> result = new java.util.HashMap<>();
        for (Seller seller : all) {
            for (AgentId member : seller.members()) {
                result.put(member, seller.id());
            }
        }
        return result;
    }

    static Set<Long> teamsOf(Iterable<TeamGroup> all, AgentId agent) {
        Set<Long> ids = new HashSet<>();
        for (TeamGroup team : all) {
            if (team.has(agent)) {
                ids.add(team.id());
            }
        }
        return ids;
    }
}
