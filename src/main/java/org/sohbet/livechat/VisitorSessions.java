package org.sohbet.livechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.contact.Contact;
import org.sohbet.contact.ContactId;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymous browser sessions of a widget, each scoped to one inbox. The token is 256 random bits; only its SHA-256 is
 * stored, so a database dump cannot be used to read visitors' conversations.
 */
@Component
class VisitorSessions {

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VisitorSessions(JdbcClient jdbc, Contacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.clock = clock;
    }

    record VisitorSession(
            long id, AccountId accountId, long inboxId, String token, ContactId contactId, boolean verified) {

        VisitorSession withContact(ContactId contact, boolean isVerified) {
            return new VisitorSession(id, accountId, inboxId, token, contact, isVerified);
        }
    }

    Optional<VisitorSession> resume(WebsiteInbox inbox, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update visitor_session set last_seen_at = :now
                        where token_hash = :hash and inbox_id = :inbox
                        returning id, account_id, inbox_id, contact_id, verified""")
                .param("now", DatabaseTime.of(clock.instant()))
                .param("hash", hash(token))
                .param("inbox", inbox.id())
                .query((rs, row) -> map(rs, token))
                .optional();
    }

    VisitorSession create(WebsiteInbox inbox, ContactId contact, boolean verified) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = DatabaseTime.truncate(clock.instant());
        long id = jdbc.sql("""
                        insert into visitor_session (account_id, inbox_id, token_hash, contact_id, verified, created_at,
                                                     last_seen_at)
                        values (:account, :inbox, :hash, :contact, :verified, :now, :now) returning id""")
                .param("account", inbox.accountId().value())
                .param("inbox", inbox.id())
                .param("hash", hash(token))
                .param("contact", contact == null ? null : contact.value(), java.sql.Types.BIGINT)
                .param("verified", verified)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
        return new VisitorSession(id, inbox.accountId(), inbox.id(), token, contact, verified);
    }

    /**
     * The session with a contact: an anonymous visitor becomes an (unverified) contact when it first writes or fills
     * in the pre-chat form. A session that has one is returned as it is.
     */
    VisitorSession withContact(VisitorSession session, String name, String email) {
        if (session.contactId() != null) {
            return session;
        }
        Contact contact = contacts.createAnonymous(session.accountId(), name, email);
        return attach(session, contact.id(), false);
    }

    VisitorSession attach(VisitorSession session, ContactId contact, boolean verified) {
        jdbc.sql("update visitor_session set contact_id = :contact, verified = :verified where id = :id")
                .param("contact", contact.value())
                .param("verified", verified)
                .param("id", session.id())
                .update();
        return session.withContact(contact, verified);
    }

    Optional<VisitorSession> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, account_id, inbox_id, contact_id, verified from visitor_session
                        where token_hash = :hash""")
                .param("hash", hash(token))
                .query((rs, row) -> map(rs, token))
                .optional();
    }

    private static VisitorSession map(java.sql.ResultSet rs, String token) throws java.sql.SQLException {
        long contact = rs.getLong("contact_id");
        ContactId contactId = rs.wasNull() ? null : new ContactId(contact);
        return new VisitorSession(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                rs.getLong("inbox_id"),
                token,
                contactId,
                rs.getBoolean("verified"));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
