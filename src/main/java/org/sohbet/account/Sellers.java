package org.sohbet.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sohbet.account.events.SellersChanged;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers inside a marketplace account (ADR 32): each has a key, named by the shop's page, and its own agents. Owners
 * and admins of the account (the operator) manage them. A key from a page only ever chooses where a conversation is
 * routed; what an agent sees follows from the agent's own seller membership, never from anything a page sends.
 */
@Service
public class Sellers {

    public static final int MAX_NAME = 80;
    /** The same shape the visitor module accepts from the loader, so every stored key can be matched. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final SellerRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Sellers(SellerRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    /** The input of the sellers form. */
    public record SellerForm(String name, String key, boolean active, Set<AgentId> members) {}

    public List<Seller> list(AccountId account) {
        return repository.list(account);
    }

    public Optional<Seller> find(AccountId account, long id) {
        return list(account).stream().filter(s -> s.id() == id).findFirst();
    }

    /** The active seller a page's key names, if any; an unknown or inactive key names none. */
    public Optional<Seller> activeByKey(AccountId account, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return list(account).stream()
                .filter(s -> s.active() && s.key().equals(key))
                .findFirst();
    }

    /**
     * The seller the agent works for. Owners and admins are the operator's and work for none, even if they were a
     * seller's agent before a change of role.
     */
    public Optional<Seller> sellerOf(AccountId account, AgentId agent, Role role) {
        if (role.managesTeam()) {
            return Optional.empty();
        }
        return list(account).stream().filter(s -> s.has(agent)).findFirst();
    }

    public Optional<Seller> sellerOf(SignedInAgent agent) {
        return sellerOf(agent.accountId(), agent.agentId(), agent.role());
    }

    @Transactional
    public Seller create(SignedInAgent by, SellerForm form) {
        checkManager(by);
        Clean clean = check(by.accountId(), form, 0);
        long id;
        try {
            id = repository.insert(
                    by.accountId(), clean.name(), clean.key(), form.active(), DatabaseTime.truncate(clock.instant()));
        } catch (DuplicateKeyException sameAtOnce) {
            throw new AccountProblem("name", "seller.error.taken");
        }
        repository.replaceMembers(by.accountId(), id, form.members());
        events.publishEvent(new SellersChanged(by.accountId()));
        return find(by.accountId(), id).orElseThrow();
    }

    @Transactional
    public Seller update(SignedInAgent by, long id, SellerForm form) {
        checkManager(by);
        Clean clean = check(by.accountId(), form, id);
        int updated;
        try {
            updated = repository.update(by.accountId(), id, clean.name(), clean.key(), form.active());
        } catch (DuplicateKeyException sameAtOnce) {
            throw new AccountProblem("name", "seller.error.taken");
        }
        if (updated == 0) {
            throw new NotFoundException();
        }
        repository.replaceMembers(by.accountId(), id, form.members());
        events.publishEvent(new SellersChanged(by.accountId()));
        return find(by.accountId(), id).orElseThrow();
    }

    private record Clean(String name, String key) {}

    private Clean check(AccountId account, SellerForm form, long exceptId) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new AccountProblem("name", "seller.error.name");
        }
        String key = form.key() == null ? "" : form.key().strip();
        if (!KEY.matcher(key).matches()) {
            throw new AccountProblem("key", "seller.error.key");
        }
        if (repository.taken(account, name, key, exceptId, true)) {
            throw new AccountProblem("name", "seller.error.taken");
        }
        if (repository.taken(account, name, key, exceptId, false)) {
            throw new AccountProblem("key", "seller.error.keyTaken");
        }
        return new Clean(name, key);
    }

    private static void checkManager(SignedInAgent by) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins manage sellers");
        }
    }
}
