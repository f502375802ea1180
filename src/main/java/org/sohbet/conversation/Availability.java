package org.sohbet.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Team;
import org.sohbet.conversation.RoutingRepository.PresenceRow;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.shared.realtime.RealtimeHub;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Each agent's availability (online, away, offline), capacity and notification choices in an account. Agents set
 * their availability by hand; an online agent without activity for the account's away period shows as away, and
 * is online again at the next activity. Routing gives chats only to online agents.
 */
@Service
public class Availability {

    public static final int DEFAULT_AWAY_MINUTES = 10;
    public static final Set<String> STATES = Set.of("online", "away", "offline");
    public static final List<String> NOTIFY_EVENTS = List.of("queue", "assigned", "mention", "message");
    public static final Set<String> NOTIFY_WAYS = Set.of("sound", "browser", "both", "none");
    /** Activity is written at most this often per agent; the away period is minutes, so seconds do not matter. */
    private static final long TOUCH_EVERY_MILLIS = 30_000;

    private final RoutingRepository repository;
    private final Team team;
    private final RealtimeHub hub;
    private final Routing routing;
    private final Inboxes inboxes;
    private final Clock clock;
    private final Map<String, Long> lastTouch = new ConcurrentHashMap<>();

    Availability(
            RoutingRepository repository, Team team, RealtimeHub hub, Routing routing, Inboxes inboxes, Clock clock) {
        this.inboxes = inboxes;
        this.repository = repository;
        this.team = team;
        this.hub = hub;
        this.routing = routing;
        this.clock = clock;
    }

    public record AgentState(
            AgentId agent, String name, String availability, String chosen, int maxChats, int load, boolean enabled) {}

    /** The whole team as others see it, with each agent's open load. */
    public List<AgentState> team(AccountId account) {
        Map<AgentId, PresenceRow> rows = new HashMap<>();
        for (PresenceRow row : repository.presence(account)) {
            rows.put(row.agent(), row);
        }
        Map<AgentId, Integer> loads = repository.loads(account);
        List<AgentState> states = new ArrayList<>();
        for (Membership m : team.members(account)) {
            PresenceRow row = rows.get(m.agentId());
            states.add(new AgentState(
                    m.agentId(),
                    m.displayName(),
                    row == null || !m.enabled() ? "offline" : row.availability(),
                    row == null ? "offline" : row.chosen(),
                    row == null ? 5 : row.maxChats(),
                    loads.getOrDefault(m.agentId(), 0),
                    m.enabled()));
        }
        return states;
    }

    public AgentState of(SignedInAgent agent) {
        return team(agent.accountId()).stream()
                .filter(s -> s.agent().equals(agent.agentId()))
                .findFirst()
                .orElseThrow();
    }

    /** The agent sets online, away or offline. Going online offers the queue to them at once. */
    @Transactional
    public void choose(SignedInAgent agent, String state) {
        if (!STATES.contains(state)) {
            throw new ConversationProblem("invalid");
        }
        repository.choose(agent.accountId(), agent.agentId(), state, now());
        announce(agent.accountId(), agent.agentId(), state);
        if ("online".equals(state)) {
            AfterCommit.run(() -> routing.requestDrain(agent.accountId()));
        }
    }

    /** Any sign of life from the agent's console. Cheap: writes at most every 30 seconds per agent. */
    public void touch(AccountId account, AgentId agent) {
        long nowMillis = clock.millis();
        String key = account.value() + ":" + agent.value();
        Long last = lastTouch.get(key);
        if (last != null && nowMillis - last < TOUCH_EVERY_MILLIS) {
            return;
        }
        lastTouch.put(key, nowMillis);
        if (repository.touch(account, agent, now())) {
            announce(account, agent, "online");
            routing.requestDrain(account);
        }
    }

    /** Owners and admins set each agent's capacity; an agent cannot raise their own past what was decided. */
    @Transactional
    public void setCapacity(SignedInAgent by, AgentId agent, int maxChats) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins set capacity");
        }
        if (maxChats < 1 || maxChats > 50) {
            throw new ConversationProblem("invalid");
        }
        if (team.members(by.accountId()).stream().noneMatch(m -> m.agentId().equals(agent))) {
            throw new org.sohbet.shared.NotFoundException();
        }
        repository.setCapacity(by.accountId(), agent, maxChats);
        AfterCommit.run(() -> routing.forget(by.accountId()));
        AfterCommit.run(() -> routing.requestDrain(by.accountId()));
    }

    public int awayAfterMinutes(AccountId account) {
        return repository.awayAfterMinutes(account);
    }

    @Transactional
    public void setAwayAfterMinutes(SignedInAgent by, int minutes) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins set the away period");
        }
        if (minutes < 1 || minutes > 720) {
            throw new ConversationProblem("invalid");
        }
        repository.setAwayAfterMinutes(by.accountId(), minutes);
    }

    /** How the agent wants to hear of each event kind: sound, browser, both or none. */
    public Map<String, String> notifications(SignedInAgent agent) {
        Map<String, String> stored = repository.presence(agent.accountId()).stream()
                .filter(r -> r.agent().equals(agent.agentId()))
                .findFirst()
                .map(r -> Frames.mapper().readValue(r.notifyJson(), new TypeReference<Map<String, String>>() {}))
                .orElse(Map.of());
        Map<String, String> result = new LinkedHashMap<>();
        for (String event : NOTIFY_EVENTS) {
            String way = stored.get(event);
            result.put(event, way != null && NOTIFY_WAYS.contains(way) ? way : "both");
        }
        return result;
    }

    @Transactional
    public void setNotifications(SignedInAgent agent, Map<String, String> choices) {
        Map<String, String> clean = new LinkedHashMap<>();
        for (String event : NOTIFY_EVENTS) {
            String way = choices.getOrDefault(event, "both");
            if (!NOTIFY_WAYS.contains(way)) {
                throw new ConversationProblem("invalid");
            }
            clean.put(event, way);
        }
        repository.setNotify(agent.accountId(), agent.agentId(), Frames.write(clean));
    }

    /** Online agents who may be offered chats of this inbox: the widget offers the offline form when there are none. */
    public boolean anyoneServing(AccountId account, long inboxId) {
        return routing.anyoneServing(account, inboxId);
    }

    /** Marks idle agents away; called by the routing sweep. */
    void sweepIdle() {
        for (RoutingRepository.AgentKey changed : repository.autoAway(now())) {
            announce(changed.account(), changed.agent(), "away");
        }
    }

    private void announce(AccountId account, AgentId agent, String state) {
        AfterCommit.run(() -> {
            routing.forget(account);
            inboxes.forgetOpen(account);
        });
        hub.publish(
                RealtimeHub.accountTopic(account.value()),
                new LiveEvent(
                        "presence",
                        0,
                        "system",
                        Frames.write(Map.of("type", "presence", "agent", agent.value(), "availability", state))));
    }

    private Instant now() {
        return DatabaseTime.truncate(clock.instant());
    }
}
