package org.sohbet.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sohbet.account.AccountId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds and records contacts, always within one account. */
@Service
public class Contacts {

    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = 254;

    private final JdbcClient jdbc;
    private final Clock clock;

    Contacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new unverified contact; name and email are trimmed, cut to their limits, and may be null. One statement, so
     * it needs no transaction of its own (a caller's transaction still takes it in).
     */
    public Contact createAnonymous(AccountId account, String name, String email) {
        Instant now = DatabaseTime.truncate(clock.instant());
        long id = jdbc.sql("""
                        insert into contact (account_id, name, email, verified, created_at, updated_at)
                        values (:account, :name, :email, false, :now, :now) returning id""")
                .param("account", account.value())
                .param("name", clean(name, MAX_NAME), java.sql.Types.VARCHAR)
                .param("email", cleanEmail(email), java.sql.Types.VARCHAR)
                .param("now", DatabaseTime.of(now))
                .query(Long.class)
                .single();
        return new Contact(new ContactId(id), account, clean(name, MAX_NAME), cleanEmail(email), null, false);
    }

    /**
     * The verified contact with the shop's customer id, created on first sight. Name and email from the signed token
     * replace the stored ones when given.
     */
    @Transactional
    public Contact verified(AccountId account, String externalId, String name, String email) {
        Instant now = DatabaseTime.truncate(clock.instant());
        return jdbc.sql("""
                        insert into contact (account_id, name, email, external_id, verified, created_at, updated_at)
                        values (:account, :name, :email, :external, true, :now, :now)
                        on conflict (account_id, external_id) where external_id is not null
                        do update set name = coalesce(excluded.name, contact.name),
                                      email = coalesce(excluded.email, contact.email),
                                      updated_at = excluded.updated_at
                        returning id, account_id, name, email, external_id, verified""")
                .param("account", account.value())
                .param("name", clean(name, MAX_NAME))
                .param("email", cleanEmail(email))
                .param("external", externalId)
                .param("now", DatabaseTime.of(now))
                .query(Contacts::map)
                .single();
    }

    /**
     * Records what an anonymous visitor typed into the pre-chat form. A verified contact keeps the name and email
     * the shop signed.
     */
    @Transactional
    public void updateUnverified(AccountId account, ContactId id, String name, String email) {
        jdbc.sql("""
                        update contact set name = coalesce(:name, name), email = coalesce(:email, email),
                                           updated_at = :now
                        where id = :id and account_id = :account and not verified""")
                .param("name", clean(name, MAX_NAME))
                .param("email", cleanEmail(email))
                .param("now", DatabaseTime.of(DatabaseTime.truncate(clock.instant())))
                .param("id", id.value())
                .param("account", account.value())
                .update();
    }

    public Optional<Contact> find(AccountId account, ContactId id) {
        return jdbc.sql("""
                        select id, account_id, name, email, external_id, verified from contact
                        where id = :id and account_id = :account""")
                .param("id", id.value())
                .param("account", account.value())
                .query(Contacts::map)
                .optional();
    }

    /**
     * The account's contact with this email, for channels that know people by address: a verified one before an
     * unverified one, then the oldest. Empty for an unusable address.
     */
    public Optional<Contact> byEmail(AccountId account, String email) {
        String clean = cleanEmail(email);
        if (clean == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, account_id, name, email, external_id, verified from contact
                        where account_id = :account and email = :email
                        order by verified desc, id limit 1""")
                .param("account", account.value())
                .param("email", clean)
                .query(Contacts::map)
                .optional();
    }

    /** Every contact of the account with this email or this shop customer id (either may be null), at most 50. */
    public List<ContactId> matching(AccountId account, String email, String externalId) {
        String clean = cleanEmail(email);
        if (clean == null && externalId == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from contact where account_id = :account
                          and (email = cast(:email as text) or external_id = cast(:external as text))
                        order by id limit 50""")
                .param("account", account.value())
                .param("email", clean)
                .param("external", externalId)
                .query((rs, n) -> new ContactId(rs.getLong(1)))
                .list();
    }

    public Map<ContactId, Contact> findAll(AccountId account, Collection<ContactId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Contact> found = jdbc.sql("""
                        select id, account_id, name, email, external_id, verified from contact
                        where account_id = :account and id in (:ids)""")
                .param("account", account.value())
                .param("ids", ids.stream().map(ContactId::value).toList())
                .query(Contacts::map)
                .list();
        return found.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    private static Contact map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Contact(
                new ContactId(rs.getLong("id")),
                new AccountId(rs.getLong("account_id")),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("external_id"),
                rs.getBoolean("verified"));
    }

    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip().replaceAll("\\p{Cntrl}", "");
        if (stripped.isEmpty()) {
            return null;
        }
        return stripped.codePointCount(0, stripped.length()) <= max
                ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, max));
    }

    static String cleanEmail(String email) {
        String cleaned = clean(email, MAX_EMAIL);
        if (cleaned == null || !cleaned.matches("[^@\\s]+@[^@\\s]+")) {
            return null;
        }
        return cleaned.toLowerCase(java.util.Locale.ROOT);
    }
}
