package org.sohbet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.events.AgentJoined;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links. A link carries 256 random bits; only their SHA-256 is stored. It works once, until it expires,
 * and only for the email it was made for.
 */
@Service
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validity;

    Invitations(
            JdbcClient jdbc,
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${sohbet.invitation.validity:P7D}") Duration validity) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.validity = validity;
    }

    public record CreatedInvitation(long id, String email, String token, Instant expiresAt) {}

    public record PendingInvitation(long id, String email, Role role, Instant createdAt, Instant expiresAt) {}

    public enum Status {
        VALID,
        EXPIRED,
        USED,
        REVOKED
    }

    public record Found(
            long id,
            AccountId accountId,
            String accountName,
            String email,
            Role role,
            Status status,
            boolean agentExists) {}

    @Transactional
    public CreatedInvitation invite(SignedInAgent by, String rawEmail, Role role) {
        if (role == null || role == Role.OWNER || !by.role().manages(role)) {
            throw new AccessDeniedException("This role cannot invite that role");
        }
        String email =
                Credentials.normalizeEmail(rawEmail).orElseThrow(() -> new AccountProblem("email", "validation.email"));
        boolean member = accounts.findAgentByEmail(email)
                .flatMap(agent -> accounts.findMembership(by.accountId(), agent.id()))
                .isPresent();
        if (member) {
            throw new AccountProblem("email", "invitation.alreadyMember");
        }
        Instant now = DatabaseTime.truncate(clock.instant());
        // A newer link for the same person replaces the older ones, so only one link is ever live per email.
        jdbc.sql("""
                        update invitation set revoked_at = :now
                        where account_id = :account and email = :email and accepted_at is null and revoked_at is null""")
                .param("now", DatabaseTime.of(now))
                .param("account", by.accountId().value())
                .param("email", email)
                .update();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(validity);
        long id = jdbc.sql("""
                        insert into invitation (account_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (:account, :email, :role, :hash, :by, :now, :expires) returning id""")
                .param("account", by.accountId().value())
                .param("email", email)
                .param("role", role.column())
                .param("hash", hash(token))
                .param("by", by.agentId().value())
                .param("now", DatabaseTime.of(now))
                .param("expires", DatabaseTime.of(expiresAt))
                .query(Long.class)
                .single();
        return new CreatedInvitation(id, email, token, expiresAt);
    }

    public List<PendingInvitation> pending(AccountId account) {
        return jdbc.sql("""
                        select id, email, role, created_at, expires_at from invitation
                        where account_id = :account and accepted_at is null and revoked_at is null
                          and expires_at > :now
                        order by created_at desc""")
                .param("account", account.value())
                .param("now", DatabaseTime.of(clock.instant()))
                .query((row, i) -> new PendingInvitation(
                        row.getLong("id"),
                        row.getString("email"),
                        Role.fromColumn(row.getString("role")),
                        DatabaseTime.read(row, "created_at"),
                        DatabaseTime.read(row, "expires_at")))
                .list();
    }

    @Transactional
    public void revoke(SignedInAgent by, long invitationId) {
        Role invitedRole = jdbc.sql("select role from invitation where id = :id and account_id = :account")
                .param("id", invitationId)
                .param("account", by.accountId().value())
                .query(String.class)
                .optional()
                .map(Role::fromColumn)
                .orElseThrow(NotFoundException::new);
        if (!by.role().manages(invitedRole)) {
            throw new AccessDeniedException("This role cannot revoke that invitation");
        }
        jdbc.sql(
                        "update invitation set revoked_at = :now where id = :id and accepted_at is null and revoked_at is null")
                .param("now", DatabaseTime.of(clock.instant()))
                .param("id", invitationId)
                .update();
    }

    public Optional<Found> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        select i.*, a.name as account_name,
                               exists (select 1 from agent g where g.email = i.email) as agent_exists
                        from invitation i join account a on a.id = i.account_id
                        where i.token_hash = :hash""")
                .param("hash", hash(token))
                .query((row, i) -> found(row, now))
                .optional();
    }

    /**
     * Accepts the invitation. A new agent chooses a name and password; an agent who already has a sign-in proves it
     * with their password. The link is claimed in the same transaction as the membership, so it works exactly once.
     */
    @Transactional
    public SignedInAgent accept(String token, String displayName, String password) {
        Found invitation = find(token).orElseThrow(NotFoundException::new);
        if (invitation.status() != Status.VALID) {
            throw new InvitationUnusableException(invitation.status());
        }
        Instant now = DatabaseTime.truncate(clock.instant());
        Optional<Agent> existing = accounts.findAgentByEmail(invitation.email());
        String name = null;
        String newHash = null;
        if (existing.isPresent()) {
            if (password == null
                    || !passwordEncoder.matches(password, existing.get().passwordHash())) {
                throw new AccountProblem("password", "invitation.wrongPassword");
            }
        } else {
            name = AccountRules.displayName(displayName);
            Credentials.passwordProblem(password, invitation.email()).ifPresent(code -> {
                throw new AccountProblem("password", code);
            });
            newHash = passwordEncoder.encode(password);
        }
        int claimed = jdbc.sql("""
                        update invitation set accepted_at = :now
                        where id = :id and accepted_at is null and revoked_at is null and expires_at > :now""")
                .param("now", DatabaseTime.of(now))
                .param("id", invitation.id())
                .update();
        if (claimed != 1) {
            throw new InvitationUnusableException(Status.USED);
        }
        AgentId agent;
        if (existing.isPresent()) {
            agent = existing.get().id();
        } else {
            agent = accounts.insertAgent(invitation.email(), name, newHash, null, now);
        }
        if (accounts.findMembership(invitation.accountId(), agent).isPresent()) {
            throw new AccountProblem("email", "invitation.alreadyMember");
        }
        accounts.insertMembership(invitation.accountId(), agent, invitation.role(), now);
        jdbc.sql("update invitation set accepted_by = :agent where id = :id")
                .param("agent", agent.value())
                .param("id", invitation.id())
                .update();
        events.publishEvent(new AgentJoined(invitation.accountId(), agent, invitation.role()));
        accounts.recordSignIn(invitation.accountId(), agent, now);
        return new SignedInAgent(agent, invitation.accountId(), invitation.role(), now);
    }

    public static class InvitationUnusableException extends RuntimeException {
        private final Status status;

        InvitationUnusableException(Status status) {
            super("Invitation is " + status, null, false, false);
            this.status = status;
        }

        public Status status() {
            return status;
        }
    }

    private static Found found(ResultSet row, Instant now) throws SQLException {
        Status status;
        if (row.getTimestamp("accepted_at") != null) {
            status = Status.USED;
        } else if (row.getTimestamp("revoked_at") != null) {
            status = Status.REVOKED;
        } else if (!DatabaseTime.read(row, "expires_at").isAfter(now)) {
            status = Status.EXPIRED;
        } else {
            status = Status.VALID;
        }
        return new Found(
                row.getLong("id"),
                new AccountId(row.getLong("account_id")),
                row.getString("account_name"),
                row.getString("email"),
                Role.fromColumn(row.getString("role")),
                status,
                row.getBoolean("agent_exists"));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
