package org.sohbet.account;

import java.time.ZoneId;
import java.util.Optional;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Service;

/** What other modules may ask of the account module. */
@Service
public class Accounts {

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
    }

    /** The account's public facts, or empty for an unknown id. */
    public Optional<AccountSummary> find(AccountId id) {
        return repository
                .findAccount(id)
                .map(a -> new AccountSummary(a.id(), a.name(), a.timezone(), a.defaultLanguage()));
    }

    /** Whether the agent may still act in the account: the membership exists and is enabled. */
    public boolean mayAct(AccountId account, AgentId agent) {
        return repository
                .findMembership(account, agent)
                .map(Membership::enabled)
                .orElse(false);
    }

    /**
     * The agent of the account who signs in with this email, enabled or not. Channels ask it to refuse mail that
     * merely claims to come from an agent.
     */
    public Optional<AgentId> agentByEmail(AccountId account, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return repository
                .findAgentByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(agent -> repository.findMembership(account, agent.id()).isPresent())
                .map(Agent::id);
    }

    /**
     * The agent as a principal for work done on their behalf outside a console session, such as a reply by email;
     * empty unless the membership exists and is enabled.
     */
    public Optional<SignedInAgent> actingAs(AccountId account, AgentId agent) {
        return repository
                .findMembership(account, agent)
                .filter(Membership::enabled)
                .map(m -> new SignedInAgent(agent, account, m.role(), java.time.Instant.now()));
    }

    /** The display name of an agent of the account, or empty when the agent is not a member. */
    public Optional<String> displayName(AccountId account, AgentId agent) {
        return repository.displayName(account, agent);
    }

    /**
     * Whether a console session may go on: the membership is enabled and the password has not changed since sign-in.
     * Long-lived connections ask this, as every request does.
     */
    public boolean sessionValid(SignedInAgent agent) {
        return repository
                .findSessionState(agent.accountId(), agent.agentId())
                .filter(state -> state.admits(agent))
                .isPresent();
    }

    /**
     * Where an agent of the account gets mail from Sohbet: their sign-in address, display name and language (theirs,
     * else the account's); empty unless the membership exists and is enabled.
     */
    public Optional<AgentAddress> mailAddress(AccountId account, AgentId agent) {
        return repository
                .findMembership(account, agent)
                .filter(Membership::enabled)
                .flatMap(m -> repository
                        .findAgent(agent)
                        .map(a -> new AgentAddress(
                                a.email(),
                                m.displayName(),
                                a.language()
                                        .or(() ->
                                                repository.findAccount(account).map(Account::defaultLanguage))
                                        .orElse(Language.DEFAULT))));
    }

    public record AgentAddress(String email, String displayName, Language language) {}

    public record AccountSummary(AccountId id, String name, ZoneId timezone, Language defaultLanguage) {}
}
