package org.sohbet.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background work of the email channel, on plain threads over PostgreSQL rows (ADR 0026): one sender that drains
 * the outbox, one fetcher that checks every mailbox each poll interval, and per mailbox an IMAP IDLE watcher that wakes
 * the fetcher as soon as the server announces new mail (servers without IDLE are polled only). All state is in the
 * database, so stopping at any moment loses nothing.
 */
@Component
class EmailWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailWorkers.class);

    /** Servers end an IDLE after 30 minutes (RFC 2177); the watcher re-issues it sooner by timing out the read. */
    static final Duration IDLE_READ_TIMEOUT = Duration.ofMinutes(10);

    private final EmailSettings settings;
    private final OutboxSender sender;
    private final MailFetcher fetcher;
    private final MailboxRepository mailboxes;
    private final Mailboxes api;
    private final AgentNotices notices;
    private final java.time.Clock clock;
    private final Semaphore sendSignal = new Semaphore(0);
    private final Semaphore fetchSignal = new Semaphore(0);
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread sendThread;
    private Thread fetchThread;

    EmailWorkers(
            EmailSettings settings,
            OutboxSender sender,
            MailFetcher fetcher,
            MailboxRepository mailboxes,
            Mailboxes api,
            Outbox outbox,
            AgentNotices notices,
            java.time.Clock clock) {
        this.notices = notices;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
        this.fetcher = fetcher;
        this.mailboxes = mailboxes;
        this.api = api;
        outbox.onEnqueued(sendSignal::release);
    }

    @Override
    public synchronized void start() {
        if (running || !settings.workers()) {
            return;
        }
        running = true;
        sendThread = Thread.ofVirtual().name("email-sender").start(this::sendLoop);
        fetchThread = Thread.ofVirtual().name("email-fetcher").start(this::fetchLoop);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        sendSignal.release();
        fetchSignal.release();
        watches.values().forEach(Watch::close);
        watches.clear();
        for (Thread thread : new Thread[] {sendThread, fetchThread}) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and before the message writer and the connection pool. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    /** Asks the fetcher to check every mailbox now. */
    void wakeFetcher() {
        fetchSignal.release();
    }

    private void sendLoop() {
        while (running) {
            int handled = 0;
            try {
                handled = sender.sendDue(50);
            } catch (RuntimeException e) {
                log.warn("Email sender failed; trying again shortly", e);
            }
            if (handled == 0) {
                await(sendSignal, Duration.ofSeconds(5));
            }
        }
    }

    private void fetchLoop() {
        while (running) {
            try {
                List<Mailbox> enabled = mailboxes.enabled();
                watch(enabled);
                for (Mailbox mailbox : enabled) {
                    if (!running) {
                        return;
                    }
                    fetcher.fetch(mailbox.inboxId());
                }
            } catch (RuntimeException e) {
                log.warn("Email fetcher failed; trying again at the next interval", e);
            }
            try {
                // Each agent's digest is claimed per day in the database, so every node may look.
                notices.sendDigests(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Agent digests failed; trying again at the next interval", e);
            }
            await(fetchSignal, settings.pollInterval());
        }
    }

    private void await(Semaphore signal, Duration timeout) {
        try {
            if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** One watcher per enabled mailbox; a changed server setting restarts its watcher. */
    private void watch(List<Mailbox> enabled) {
        Set<Long> wanted = new HashSet<>();
        for (Mailbox mailbox : enabled) {
            wanted.add(mailbox.inboxId());
            String key = mailbox.imap().toString();
            Watch current = watches.get(mailbox.inboxId());
            if (current != null && current.key.equals(key) && current.thread.isAlive()) {
                continue;
            }
            if (current != null) {
                current.close();
            }
            Watch watch = new Watch(mailbox, key);
            watches.put(mailbox.inboxId(), watch);
            watch.thread =
                    Thread.ofVirtual().name("email-idle-" + mailbox.inboxId()).start(watch::run);
        }
        watches.entrySet().removeIf(entry -> {
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().close();
                return true;
            }
            return false;
        });
    }

    private final class Watch {
        private final Mailbox mailbox;
        private final String key;
        private volatile boolean open = true;
        private volatile Store store;
        private Thread thread;

        Watch(Mailbox mailbox, String key) {
            this.mailbox = mailbox;
            this.key = key;
        }

        void run() {
            Duration pause = Duration.ofSeconds(5);
            while (open && running) {
                long started = System.nanoTime();
                try {
                    store = MailSessions.imap(mailbox.imap(), IDLE_READ_TIMEOUT)
                            .getStore(MailSessions.imapProtocol(mailbox.imap()));
                    store.connect(
                            mailbox.imap().host(),
                            mailbox.imap().port(),
                            mailbox.imap().user(),
                            api.password(mailboxes.passwords(mailbox.inboxId()).imap()));
                    if (!((IMAPStore) store).hasCapability("IDLE")) {
                        return;
                    }
                    IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
                    folder.open(Folder.READ_ONLY);
                    while (open && running) {
                        folder.idle();
                        wakeFetcher();
                    }
                } catch (MessagingException | RuntimeException e) {
                    log.debug("IDLE on mailbox {} ended: {}", mailbox.inboxId(), e.toString());
                } finally {
                    closeStore();
                }
                // A connection that lived a while ended normally (the read timeout); reconnect at once. One that failed
                // quickly waits, longer each time, so a broken server is not hammered.
                boolean lived = Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMinutes(1)) > 0;
                pause = lived
                        ? Duration.ofSeconds(1)
                        : pause.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0
                                ? Duration.ofMinutes(10)
                                : pause.multipliedBy(2);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void close() {
            open = false;
            closeStore();
            if (thread != null) {
                thread.interrupt();
            }
        }

        private void closeStore() {
            Store current = store;
            if (current != null) {
                try {
                    current.close();
                } catch (MessagingException | RuntimeException ignored) {
                    // closing a broken connection
                }
            }
        }
    }
}
