package org.sohbet.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The account's API tokens for {@code /api/v1}. A token is 256 random bits, shown once when it is made; only its
 * SHA-256 is stored, so a copy of the database does not reveal it. Owners and admins make and revoke them; a revoked
 * token fails on the next request.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "sohbet_";
    static final int MAX_NAME = 80;

    public record Token(long id, String name, Instant createdAt, Instant lastUsedAt) {}

    public record Created(Token token, String secret) {}

    private final ShopRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ShopRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public List<Token> list(SignedInAgent by) {
        requireManager(by);
        return repository.tokens(by.accountId());
    }

    public Created create(SignedInAgent by, String name) {
        requireManager(by);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new OrderProblem("name", "name");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = DatabaseTime.truncate(clock.instant());
        long id = repository.insertToken(by.accountId(), clean, hash(secret), now);
        return new Created(new Token(id, clean, now, null), secret);
    }

    public void revoke(SignedInAgent by, long id) {
        requireManager(by);
        if (repository.revokeToken(by.accountId(), id, clock.instant()) == 0) {
            throw new NotFoundException();
        }
    }

    /** The account a bearer token belongs to, or empty for an unknown or revoked one. */
    public Optional<AccountId> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return repository.useToken(hash(secret), DatabaseTime.truncate(clock.instant()));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins manage shop settings");
        }
    }
}
