package org.sohbet.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password. An unknown email costs the same password hash as a wrong password and gets the same
 * error, so neither the answer nor its timing tells whether the email is registered.
 */
@Component
class AgentAuthenticationProvider implements AuthenticationProvider {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final String hashForUnknownEmails;

    AgentAuthenticationProvider(
            AccountRepository repository, PasswordEncoder passwordEncoder, SignInThrottle throttle, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.clock = clock;
        this.hashForUnknownEmails = passwordEncoder.encode("no agent has this password: " + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String typedEmail = String.valueOf(authentication.getPrincipal());
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;

        if (throttle.isLocked(typedEmail, address)) {
            throw new SignInThrottledException();
        }
        Optional<Agent> agent = Credentials.normalizeEmail(typedEmail).flatMap(repository::findAgentByEmail);
        boolean matches =
                passwordEncoder.matches(password, agent.map(Agent::passwordHash).orElse(hashForUnknownEmails));
        if (agent.isEmpty() || !matches) {
            throttle.recordFailure(typedEmail, address);
            throw new BadCredentialsException("Wrong email or password");
        }
        throttle.recordSuccess(typedEmail);

        List<Membership> memberships =
                repository.enabledMembershipsOf(agent.get().id());
        if (memberships.isEmpty()) {
            throw new DisabledException("No enabled membership");
        }
        Membership membership = memberships.getFirst();
        var principal = new SignedInAgent(
                membership.agentId(),
                membership.accountId(),
                membership.role(),
                org.sohbet.shared.database.DatabaseTime.truncate(clock.instant()));
        repository.recordSignIn(membership.accountId(), membership.agentId(), principal.signedInAt());
        return authenticated(principal);
    }

    static UsernamePasswordAuthenticationToken authenticated(SignedInAgent principal) {
        return UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many recent failures for this email or this client address. */
    static class SignInThrottledException extends AuthenticationException {
        SignInThrottledException() {
            super("Too many failed sign-ins");
        }
    }
}
