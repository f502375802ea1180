package org.sohbet.account;

import java.util.List;
import org.sohbet.account.events.AgentAccessChanged;
import org.sohbet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agents of one account, as owners and admins manage them. */
@Service
public class Team {

    private final AccountRepository repository;
    private final ApplicationEventPublisher events;

    Team(AccountRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public List<Membership> members(AccountId account) {
        return repository.membershipsOf(account);
    }

    /**
     * Disables or re-enables an agent in the caller's account. A disabled agent's open sessions stop working at their
     * next request, because every request re-checks the membership.
     */
    @Transactional
    public Membership setEnabled(SignedInAgent by, AgentId target, boolean enabled) {
        Membership membership =
                repository.findMembership(by.accountId(), target).orElseThrow(NotFoundException::new);
        if (target.equals(by.agentId())) {
            throw new AccountProblem("agent", "team.cannotChangeSelf");
        }
        if (!by.role().manages(membership.role())) {
            throw new AccessDeniedException("This role cannot manage that agent");
        }
        repository.setEnabled(by.accountId(), target, enabled);
        events.publishEvent(new AgentAccessChanged(by.accountId(), target, enabled));
        return repository.findMembership(by.accountId(), target).orElseThrow(NotFoundException::new);
    }
}
