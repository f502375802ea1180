package org.sohbet.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sohbet.account.events.TeamsChanged;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of agents inside an account. Owners and admins manage them; everyone may read them. */
@Service
public class Teams {

    public static final int MAX_NAME = 80;

    private final TeamRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Teams(TeamRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    public List<TeamGroup> list(AccountId account) {
        return repository.list(account);
    }

    public Optional<TeamGroup> find(AccountId account, long id) {
        return list(account).stream().filter(t -> t.id() == id).findFirst();
    }

    /** The ids of the teams the agent belongs to. */
    public Set<Long> teamsOf(AccountId account, AgentId agent) {
        return list(account).stream()
                .filter(t -> t.has(agent))
                .map(TeamGroup::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Transactional
    public TeamGroup create(SignedInAgent by, String name, Set<AgentId> members) {
        checkManager(by);
        String clean = checkName(by.accountId(), name, 0);
        long id;
        try {
            id = repository.insert(by.accountId(), clean, DatabaseTime.truncate(clock.instant()));
        } catch (org.springframework.dao.DuplicateKeyException sameNameAtOnce) {
            throw new AccountProblem("name", "teams.error.taken");
        }
        repository.replaceMembers(by.accountId(), id, members);
        events.publishEvent(new TeamsChanged(by.accountId()));
        return find(by.accountId(), id).orElseThrow();
    }

    @Transactional
    public TeamGroup update(SignedInAgent by, long id, String name, Set<AgentId> members) {
        checkManager(by);
        String clean = checkName(by.accountId(), name, id);
        int renamed;
        try {
            renamed = repository.rename(by.accountId(), id, clean);
        } catch (org.springframework.dao.DuplicateKeyException sameNameAtOnce) {
            throw new AccountProblem("name", "teams.error.taken");
        }
        if (renamed == 0) {
            throw new NotFoundException();
        }
        repository.replaceMembers(by.accountId(), id, members);
        events.publishEvent(new TeamsChanged(by.accountId()));
        return find(by.accountId(), id).orElseThrow();
    }

    @Transactional
    public void delete(SignedInAgent by, long id) {
        checkManager(by);
        if (repository.delete(by.accountId(), id) == 0) {
            throw new NotFoundException();
        }
        events.publishEvent(new TeamsChanged(by.accountId()));
    }

    private String checkName(AccountId account, String name, long exceptId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new AccountProblem("name", "teams.error.name");
        }
        if (repository.nameTaken(account, clean, exceptId)) {
            throw new AccountProblem("name", "teams.error.taken");
        }
        return clean;
    }

    private static void checkManager(SignedInAgent by) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins manage teams");
        }
    }
}
