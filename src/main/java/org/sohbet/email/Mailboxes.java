package org.sohbet.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's mailboxes: create, change, list, and try the servers. */
@Service
public class Mailboxes {

    /** This channel's tag in the inbox registry. */
    public static final String CHANNEL = "email";

    static final int MAX_SIGNATURE = 2_000;

    private final MailboxRepository repository;
    private final Inboxes registry;
    private final SecretBox secrets;
    private final Clock clock;

    private final AutoMailRepository autoMail;

    Mailboxes(
            MailboxRepository repository,
            Inboxes registry,
            SecretBox secrets,
            Clock clock,
            AutoMailRepository autoMail) {
        this.autoMail = autoMail;
        this.repository = repository;
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * @throws MailboxProblem naming the field when the input breaks a rule
     */
    @Transactional
    public Mailbox create(AccountId account, MailboxForm form) {
        MailboxForm clean = check(form, true);
        long id = registry.create(account, clean.name(), CHANNEL).id();
        repository.insert(
                account,
                id,
                clean,
                secrets.encrypt(clean.imapPassword()),
                secrets.encrypt(clean.smtpPassword()),
                DatabaseTime.truncate(clock.instant()));
        return get(account, id);
    }

    @Transactional
    public Mailbox update(AccountId account, long id, MailboxForm form) {
        get(account, id);
        MailboxForm clean = check(form, false);
        registry.rename(account, id, clean.name());
        repository.update(
                account,
                id,
                clean,
                clean.imapPassword().isEmpty() ? null : secrets.encrypt(clean.imapPassword()),
                clean.smtpPassword().isEmpty() ? null : secrets.encrypt(clean.smtpPassword()));
        return get(account, id);
    }

    public List<Mailbox> list(AccountId account) {
        return repository.list(account);
    }

    public Optional<Mailbox> find(AccountId account, long id) {
        return repository.find(account, id);
    }

    public Mailbox get(AccountId account, long id) {
        return find(account, id).orElseThrow(NotFoundException::new);
    }

    /**
     * Sets the mailbox that mails agents' replies in another channel's inbox (a website inbox) to contacts who have
     * left and gave an email; null stops mailing them. Either id of another account answers 404.
     */
    @Transactional
    public void setReplySender(AccountId account, long inboxId, Long mailboxId) {
        registry.find(account, inboxId).orElseThrow(NotFoundException::new);
        if (repository.find(account, inboxId).isPresent()) {
            // A mailbox's own conversations are always mailed, by itself.
            throw new MailboxProblem("inbox", "email.reply_sender.is_mailbox");
        }
        if (mailboxId != null) {
            get(account, mailboxId);
        }
        repository.setReplySender(account, inboxId, mailboxId);
    }

    /** The mailbox that mails replies for the inbox, if one is set. */
    public Optional<Mailbox> replySender(AccountId account, long inboxId) {
        return repository.replySender(inboxId).filter(m -> m.accountId().equals(account));
    }

    /** An inbox of any channel and whether resolving its conversations mails the contact a transcript. */
    public record TranscriptSetting(long inboxId, String name, String channel, boolean onResolve) {}

    public List<TranscriptSetting> transcriptSettings(AccountId account) {
        return registry.list(account).stream()
                .map(i -> new TranscriptSetting(i.id(), i.name(), i.channel(), autoMail.transcriptOnResolve(i.id())))
                .toList();
    }

    /** Per inbox (ADR 0031): mail the contact a transcript on resolve. Another account's inbox answers 404. */
    @Transactional
    public void setTranscriptOnResolve(AccountId account, long inboxId, boolean on) {
        registry.find(account, inboxId).orElseThrow(NotFoundException::new);
        autoMail.setTranscriptOnResolve(account, inboxId, on);
    }

    /** The outcome of trying a mailbox's servers; a null code means the server accepted us. */
    public record ConnectionTest(String imapError, String smtpError) implements java.io.Serializable {
        public boolean ok() {
            return imapError == null && smtpError == null;
        }
    }

    /** Signs in to IMAP and SMTP with the stored settings; sends and fetches nothing. */
    public ConnectionTest test(AccountId account, long id) {
        Mailbox mailbox = get(account, id);
        MailboxRepository.Passwords passwords = repository.passwords(id);
        String imapError = null;
        try (Store store = MailSessions.imap(mailbox.imap(), MailSessions.READ_TIMEOUT)
                .getStore(MailSessions.imapProtocol(mailbox.imap()))) {
            store.connect(
                    mailbox.imap().host(), mailbox.imap().port(), mailbox.imap().user(), password(passwords.imap()));
            store.getFolder("INBOX").exists();
        } catch (MessagingException | RuntimeException e) {
            imapError = MailErrors.code(e);
        }
        String smtpError = null;
        try (Transport transport = MailSessions.smtp(mailbox.smtp()).getTransport("smtp")) {
            String user = blankToNull(mailbox.smtp().user());
            // Without a user, no password either: Jakarta Mail would otherwise sign in as the system's user name.
            transport.connect(
                    mailbox.smtp().host(),
                    mailbox.smtp().port(),
                    user,
                    user == null ? null : password(passwords.smtp()));
        } catch (MessagingException | RuntimeException e) {
            smtpError = MailErrors.code(e);
        }
        return new ConnectionTest(imapError, smtpError);
    }

    String password(byte[] sealed) {
        return sealed == null ? null : secrets.decrypt(sealed);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final String HOST = "[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\]";

    private static MailboxForm check(MailboxForm form, boolean creating) {
        String name = strip(form.name());
        if (name.isEmpty() || name.length() > Inboxes.MAX_NAME) {
            throw new MailboxProblem("name", "email.error.name");
        }
        String address = strip(form.address()).toLowerCase(Locale.ROOT);
        if (!address.matches("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}") || address.length() > 254) {
            throw new MailboxProblem("address", "email.error.address");
        }
        String imapHost = strip(form.imapHost());
        if (!imapHost.matches(HOST)) {
            throw new MailboxProblem("imapHost", "email.error.host.invalid");
        }
        String smtpHost = strip(form.smtpHost());
        if (!smtpHost.matches(HOST)) {
            throw new MailboxProblem("smtpHost", "email.error.host.invalid");
        }
        if (form.imapPort() < 1 || form.imapPort() > 65535) {
            throw new MailboxProblem("imapPort", "email.error.port");
        }
        if (form.smtpPort() < 1 || form.smtpPort() > 65535) {
            throw new MailboxProblem("smtpPort", "email.error.port");
        }
        if (form.imapSecurity() == null) {
            throw new MailboxProblem("imapSecurity", "email.error.security");
        }
        if (form.smtpSecurity() == null) {
            throw new MailboxProblem("smtpSecurity", "email.error.security");
        }
        String imapUser = strip(form.imapUser());
        if (imapUser.isEmpty() || imapUser.length() > 254 || imapUser.matches(".*\\p{Cntrl}.*")) {
            throw new MailboxProblem("imapUser", "email.error.user");
        }
        String smtpUser = strip(form.smtpUser());
        if (smtpUser.length() > 254 || smtpUser.matches(".*\\p{Cntrl}.*")) {
            throw new MailboxProblem("smtpUser", "email.error.user");
        }
        String imapPassword = form.imapPassword() == null ? "" : form.imapPassword();
        String smtpPassword = form.smtpPassword() == null ? "" : form.smtpPassword();
        if (imapPassword.length() > 1000 || smtpPassword.length() > 1000) {
            throw new MailboxProblem("imapPassword", "email.error.password");
        }
        if (creating && imapPassword.isEmpty()) {
            throw new MailboxProblem("imapPassword", "email.error.password");
        }
        String signature = form.signature() == null
                ? ""
                : form.signature().replace("\r\n", "\n").strip();
        if (signature.length() > MAX_SIGNATURE) {
            throw new MailboxProblem("signature", "email.error.signature");
        }
        return new MailboxForm(
                name,
                address,
                imapHost,
                form.imapPort(),
                form.imapSecurity(),
                imapUser,
                imapPassword,
                smtpHost,
                form.smtpPort(),
                form.smtpSecurity(),
                smtpUser,
                smtpPassword,
                signature,
                form.enabled());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** Input an admin must correct; the code is a message key. */
    public static class MailboxProblem extends RuntimeException {
        private final String field;
        private final String code;

        MailboxProblem(String field, String code) {
            super(code, null, false, false);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }
    }
}
