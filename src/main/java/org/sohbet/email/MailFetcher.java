package org.sohbet.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Fetches new mail from a mailbox's INBOX over IMAP, read-only: mail stays on the server, and our place is the
 * highest UID taken under the folder's UIDVALIDITY. Each mail is handed to {@link MailIntake} and the place moves on
 * after it, whatever became of the mail, so one poison mail never stops the mailbox. Only a database failure stops
 * a run before the place moves, so the mail is fetched again next time.
 */
@Component
class MailFetcher {

    private static final Logger log = LoggerFactory.getLogger(MailFetcher.class);

    /** Larger mails are not downloaded; their headers make a message that says so. */
    static final long MAX_RAW = 25L * 1024 * 1024;

    static final int BATCH = 200;

    private final MailboxRepository mailboxes;
    private final Mailboxes api;
    private final MailIntake intake;
    private final Clock clock;
    private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();

    MailFetcher(MailboxRepository mailboxes, Mailboxes api, MailIntake intake, Clock clock) {
        this.mailboxes = mailboxes;
        this.api = api;
        this.intake = intake;
        this.clock = clock;
    }

    record Result(int taken, String error) {}

    /** Fetches what is new; one fetch per mailbox at a time in this process, others wait for it. */
    Result fetch(long inboxId) {
        ReentrantLock lock = running.computeIfAbsent(inboxId, id -> new ReentrantLock());
        lock.lock();
        try {
            Mailbox mailbox = mailboxes.find(inboxId).orElse(null);
            if (mailbox == null || !mailbox.enabled()) {
                return new Result(0, null);
            }
            Result result = fetchLocked(mailbox);
            mailboxes.fetched(inboxId, clock.instant(), result.error());
            return result;
        } finally {
            lock.unlock();
        }
    }

    private Result fetchLocked(Mailbox mailbox) {
        MailboxRepository.Passwords passwords = mailboxes.passwords(mailbox.inboxId());
        int taken = 0;
        try (Store store = MailSessions.imap(mailbox.imap(), MailSessions.READ_TIMEOUT)
                .getStore(MailSessions.imapProtocol(mailbox.imap()))) {
            store.connect(
                    mailbox.imap().host(),
                    mailbox.imap().port(),
                    mailbox.imap().user(),
                    api.password(passwords.imap()));
            IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                long validity = folder.getUIDValidity();
                long last = mailbox.lastUid();
                if (mailbox.uidValidity() == null || mailbox.uidValidity() != validity) {
                    mailboxes.startOver(mailbox.inboxId(), validity);
                    last = 0;
                }
                Message[] found = folder.getMessagesByUID(last + 1, UIDFolder.MAXUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(found, profile);
                Message[] sorted = Arrays.stream(found)
                        .sorted(Comparator.comparingLong(m -> uid(folder, m)))
                        .toArray(Message[]::new);
                for (Message message : sorted) {
                    long uid = uid(folder, message);
                    // "n:*" always names the newest mail, even when its UID is below n.
                    if (uid <= last) {
                        continue;
                    }
                    if (taken >= BATCH) {
                        break;
                    }
                    take(mailbox, validity, uid, message);
                    mailboxes.advance(mailbox.inboxId(), validity, uid);
                    taken++;
                }
            } finally {
                folder.close(false);
            }
            return new Result(taken, null);
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof DataAccessException) {
                log.warn("Fetching mailbox {} stopped on a database error", mailbox.inboxId(), e);
            } else {
                log.info("Fetching mailbox {} failed: {}", mailbox.inboxId(), e.toString());
            }
            return new Result(taken, MailErrors.code(e));
        }
    }

    private void take(Mailbox mailbox, long validity, long uid, Message message) {
        try {
            long size = message.getSize();
            if (size > MAX_RAW) {
                intake.acceptTooLarge(mailbox, headers(message), size);
                return;
            }
            intake.accept(mailbox, raw(message));
        } catch (DataAccessException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            log.info("Mail UID {} of mailbox {} could not be taken: {}", uid, mailbox.inboxId(), e.toString());
            intake.unreadable(mailbox, validity, uid, e);
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetHeaders headers(Message message) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.addHeader(header.getName(), header.getValue());
        }
        return headers;
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > MAX_RAW) {
                    // The server said the mail was smaller; trust the bytes, not the claim.
                    throw new IOException("Mail larger than its announced size");
                }
                out.write(b, off, len);
            }
        });
        return out.toByteArray();
    }
}
