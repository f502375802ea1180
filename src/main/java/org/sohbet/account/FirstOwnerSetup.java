package org.sohbet.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.sohbet.account.events.AccountCreated;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the first account and its owner, once, while no user exists. */
@Service
public class FirstOwnerSetup {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FirstOwnerSetup(
            AccountRepository repository,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public record NewOwner(
            String accountName,
            String displayName,
            String email,
            String password,
            Language language,
            ZoneId timezone) {}

    public boolean isNeeded() {
        return !repository.anyAgentExists();
    }

    /**
     * @throws SetupAlreadyDoneException when a user exists, including one created a moment ago by a concurrent
     *     request
     * @throws AccountProblem when the input breaks a rule
     */
    @Transactional
    public SignedInAgent createFirstOwner(NewOwner owner) {
        Checked checked = check(owner);
        repository.lockSetup();
        if (repository.anyAgentExists()) {
            throw new SetupAlreadyDoneException();
        }
        return insert(owner, checked);
    }

    /**
     * Creates a further tenant with a new owner. One install hosts many accounts; the operator's sign-up flow will
     * call this.
     *
     * @throws AccountProblem when the input breaks a rule or the email already belongs to an agent
     */
    @Transactional
    public SignedInAgent createAccount(NewOwner owner) {
        Checked checked = check(owner);
        if (repository.findAgentByEmail(checked.email()).isPresent()) {
            throw new AccountProblem("email", "validation.emailTaken");
        }
        return insert(owner, checked);
    }

    private record Checked(String accountName, String displayName, String email, String passwordHash) {}

    private Checked check(NewOwner owner) {
        String accountName = AccountRules.accountName(owner.accountName());
        String displayName = AccountRules.displayName(owner.displayName());
        String email = Credentials.normalizeEmail(owner.email())
                .orElseThrow(() -> new AccountProblem("email", "validation.email"));
        Credentials.passwordProblem(owner.password(), email).ifPresent(code -> {
            throw new AccountProblem("password", code);
        });
        return new Checked(accountName, displayName, email, passwordEncoder.encode(owner.password()));
    }

    private SignedInAgent insert(NewOwner owner, Checked checked) {
        Instant now = DatabaseTime.truncate(clock.instant());
        Language language = owner.language() == null ? Language.DEFAULT : owner.language();
        ZoneId zone = owner.timezone() == null ? ZoneId.of("UTC") : owner.timezone();
        AccountId account = repository.insertAccount(checked.accountName(), zone, language, now);
        AgentId agent = repository.insertAgent(
                checked.email(), checked.displayName(), checked.passwordHash(), owner.language(), now);
        repository.insertMembership(account, agent, Role.OWNER, now);
        events.publishEvent(new AccountCreated(account, agent, language.tag()));
        return new SignedInAgent(agent, account, Role.OWNER, now);
    }

    public static class SetupAlreadyDoneException extends RuntimeException {
        SetupAlreadyDoneException() {
            super("An owner exists already", null, false, false);
        }
    }
}
