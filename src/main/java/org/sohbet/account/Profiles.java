package org.sohbet.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's own profile and password, and the account's settings. */
@Service
public class Profiles {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Profiles(AccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public AgentProfile profile(SignedInAgent who) {
        Agent agent = agent(who);
        return new AgentProfile(
                agent.id(), agent.email(), agent.displayName(), agent.language(), agent.calendar(), agent.digits());
    }

    private Agent agent(SignedInAgent who) {
        return repository.findAgent(who.agentId()).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public void updateProfile(
            SignedInAgent who,
            String displayName,
            Language language,
            FormatPreferences.Calendar calendar,
            FormatPreferences.Digits digits) {
        repository.updateProfile(
                who.agentId(),
                AccountRules.displayName(displayName),
                language,
                calendar == null ? FormatPreferences.Calendar.GREGORIAN : calendar,
                digits == null ? FormatPreferences.Digits.LATIN : digits);
    }

    /**
     * Changes the password and returns the moment of the change. Sessions that signed in before that moment end at
     * their next request; the caller's session is renewed with this moment so it stays signed in.
     */
    @Transactional
    public Instant changePassword(SignedInAgent who, String current, String replacement, String confirmation) {
        Agent agent = agent(who);
        if (current == null || !passwordEncoder.matches(current, agent.passwordHash())) {
            throw new AccountProblem("currentPassword", "password.currentWrong");
        }
        Credentials.passwordProblem(replacement, agent.email()).ifPresent(code -> {
            throw new AccountProblem("newPassword", code);
        });
        if (!replacement.equals(confirmation)) {
            throw new AccountProblem("confirmation", "password.mismatch");
        }
        Instant now = DatabaseTime.truncate(clock.instant());
        repository.updatePassword(who.agentId(), passwordEncoder.encode(replacement), now);
        return now;
    }

    @Transactional
    public void updateAccount(SignedInAgent who, String name, String timezone, Language defaultLanguage) {
        if (!who.role().managesTeam()) {
            throw new org.springframework.security.access.AccessDeniedException("Only owners and admins");
        }
        ZoneId zone = Timezones.parse(timezone);
        if (defaultLanguage == null) {
            throw new AccountProblem("defaultLanguage", "validation.required");
        }
        repository.updateAccount(who.accountId(), AccountRules.accountName(name), zone, defaultLanguage);
    }
}
