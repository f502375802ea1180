package org.sohbet.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MailboxRepository {

    private static final String COLUMNS = """
            i.id, i.account_id, i.name, m.address, m.imap_host, m.imap_port, m.imap_security, m.imap_user,
            m.imap_password is not null as imap_has_password, m.smtp_host, m.smtp_port, m.smtp_security, m.smtp_user,
            m.smtp_password is not null as smtp_has_password, m.signature, m.enabled, m.uid_validity, m.last_uid,
            m.last_fetch_at, m.last_error
            from inbox i join email_mailbox m on m.inbox_id = i.id""";

    private final JdbcClient jdbc;

    MailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Passwords(byte[] imap, byte[] smtp) {}

    void insert(
            AccountId account, long inboxId, MailboxForm form, byte[] imapPassword, byte[] smtpPassword, Instant now) {
        jdbc.sql("""
                        insert into email_mailbox (inbox_id, account_id, address, imap_host, imap_port, imap_security,
                            imap_user, imap_password, smtp_host, smtp_port, smtp_security, smtp_user, smtp_password,
                            signature, enabled, created_at)
                        values (:inbox, :account, :address, :imapHost, :imapPort, :imapSecurity, :imapUser,
                            :imapPassword, :smtpHost, :smtpPort, :smtpSecurity, :smtpUser, :smtpPassword, :signature,
                            :enabled, :now)""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("address", form.address())
                .param("imapHost", form.imapHost())
                .param("imapPort", form.imapPort())
                .param("imapSecurity", form.imapSecurity().code())
                .param("imapUser", form.imapUser())
                .param("imapPassword", imapPassword, java.sql.Types.BINARY)
                .param("smtpHost", form.smtpHost())
                .param("smtpPort", form.smtpPort())
                .param("smtpSecurity", form.smtpSecurity().code())
                .param("smtpUser", form.smtpUser())
                .param("smtpPassword", smtpPassword, java.sql.Types.BINARY)
                .param("signature", form.signature())
                .param("enabled", form.enabled())
                .param("now", DatabaseTime.of(now))
                .update();
    }

    /** A null password keeps the stored one. Changing the IMAP server or user starts fetching over. */
    void update(AccountId account, long inboxId, MailboxForm form, byte[] imapPassword, byte[] smtpPassword) {
        jdbc.sql("""
                        update email_mailbox set
                            uid_validity = case when imap_host <> :imapHost or imap_port <> :imapPort
                                or imap_user <> :imapUser then null else uid_validity end,
                            last_uid = case when imap_host <> :imapHost or imap_port <> :imapPort
                                or imap_user <> :imapUser then 0 else last_uid end,
                            address = :address, imap_host = :imapHost, imap_port = :imapPort,
                            imap_security = :imapSecurity, imap_user = :imapUser,
                            imap_password = coalesce(:imapPassword, imap_password), smtp_host = :smtpHost,
                            smtp_port = :smtpPort, smtp_security = :smtpSecurity, smtp_user = :smtpUser,
                            smtp_password = coalesce(:smtpPassword, smtp_password), signature = :signature,
                            enabled = :enabled, last_error = null
                        where account_id = :account and inbox_id = :inbox""")
                .param("inbox", inboxId)
                .param("account", account.value())
                .param("address", form.address())
                .param("imapHost", form.imapHost())
                .param("imapPort", form.imapPort())
                .param("imapSecurity", form.imapSecurity().code())
                .param("imapUser", form.imapUser())
                .param("imapPassword", imapPassword, java.sql.Types.BINARY)
                .param("smtpHost", form.smtpHost())
                .param("smtpPort", form.smtpPort())
                .param("smtpSecurity", form.smtpSecurity().code())
                .param("smtpUser", form.smtpUser())
                .param("smtpPassword", smtpPassword, java.sql.Types.BINARY)
                .param("signature", form.signature())
                .param("enabled", form.enabled())
                .update();
    }

    Optional<Mailbox> find(AccountId account, long inboxId) {
        return jdbc.sql("select " + COLUMNS + " where i.account_id = :account and i.id = :id")
                .param("account", account.value())
                .param("id", inboxId)
                .query(MailboxRepository::map)
                .optional();
    }

    Optional<Mailbox> find(long inboxId) {
        return jdbc.sql("select " + COLUMNS + " where i.id = :id")
                .param("id", inboxId)
                .query(MailboxRepository::map)
                .optional();
    }

    /** The mailbox that mails replies for an inbox of another channel, if one is set. */
    Optional<Mailbox> replySender(long inboxId) {
        return jdbc.sql("select " + COLUMNS
                        + " join email_reply_sender s on s.mailbox_inbox_id = m.inbox_id where s.inbox_id = :id")
                .param("id", inboxId)
                .query(MailboxRepository::map)
                .optional();
    }

    void setReplySender(AccountId account, long inboxId, Long mailboxInboxId) {
        if (mailboxInboxId == null) {
            jdbc.sql("delete from email_reply_sender where account_id = :account and inbox_id = :inbox")
                    .param("account", account.value())
                    .param("inbox", inboxId)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into email_reply_sender (inbox_id, account_id, mailbox_inbox_id)
                        values (:inbox, :account, :mailbox)
                        on conflict (inbox_id) do update set mailbox_inbox_id = excluded.mailbox_inbox_id""")
                .param("account", account.value())
                .param("inbox", inboxId)
                .param("mailbox", mailboxInboxId)
                .update();
    }

    List<Mailbox> list(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " where i.account_id = :account order by i.id")
                .param("account", account.value())
                .query(MailboxRepository::map)
                .list();
    }

    List<Mailbox> enabled() {
        return jdbc.sql("select " + COLUMNS + " where m.enabled order by i.id")
                .query(MailboxRepository::map)
                .list();
    }

    boolean isMailbox(long inboxId) {
        return jdbc.sql("select exists (select 1 from email_mailbox where inbox_id = :id)")
                .param("id", inboxId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the address is one of our mailboxes, in any account: mail from there is our own. */
    boolean isOwnAddress(String address) {
        return jdbc.sql("select exists (select 1 from email_mailbox where address = lower(:address))")
                .param("address", address)
                .query(Boolean.class)
                .single();
    }

    Passwords passwords(long inboxId) {
        return jdbc.sql("select imap_password, smtp_password from email_mailbox where inbox_id = :id")
                .param("id", inboxId)
                .query((rs, row) -> new Passwords(rs.getBytes(1), rs.getBytes(2)))
                .single();
    }

    void startOver(long inboxId, long uidValidity) {
        jdbc.sql("update email_mailbox set uid_validity = :validity, last_uid = 0 where inbox_id = :id")
                .param("validity", uidValidity)
                .param("id", inboxId)
                .update();
    }

    void advance(long inboxId, long uidValidity, long uid) {
        jdbc.sql("""
                        update email_mailbox set last_uid = greatest(last_uid, :uid)
                        where inbox_id = :id and uid_validity = :validity""")
                .param("uid", uid)
                .param("validity", uidValidity)
                .param("id", inboxId)
                .update();
    }

    void fetched(long inboxId, Instant at, String error) {
        jdbc.sql("update email_mailbox set last_fetch_at = :at, last_error = :error where inbox_id = :id")
                .param("at", DatabaseTime.of(at))
                .param("error", error == null ? null : MailParser.cut(error, 500))
                .param("id", inboxId)
                .update();
    }

    private static Mailbox map(ResultSet rs, int row) throws SQLException {
        long validity = rs.getLong("uid_validity");
        boolean noValidity = rs.wasNull();
        var fetchedAt = rs.getTimestamp("last_fetch_at");
        return new Mailbox(
                rs.getLong("id"),
                new AccountId(rs.getLong("account_id")),
                rs.getString("name"),
                rs.getString("address"),
                new Mailbox.Server(
                        rs.getString("imap_host"),
                        rs.getInt("imap_port"),
                        Mailbox.Security.of(rs.getString("imap_security")),
                        rs.getString("imap_user"),
                        rs.getBoolean("imap_has_password")),
                new Mailbox.Server(
                        rs.getString("smtp_host"),
                        rs.getInt("smtp_port"),
                        Mailbox.Security.of(rs.getString("smtp_security")),
                        rs.getString("smtp_user"),
                        rs.getBoolean("smtp_has_password")),
                rs.getString("signature"),
                rs.getBoolean("enabled"),
                noValidity ? null : validity,
                rs.getLong("last_uid"),
                fetchedAt == null ? null : fetchedAt.toInstant(),
                rs.getString("last_error"));
    }
}
