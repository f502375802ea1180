package org.sohbet.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.account.AccountId;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationRepository.FastPost;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the busiest write, a visitor's message to an open conversation. Senders queue their message and
 * wait; a writer thread takes whatever has queued up, store it in one transaction and commit once, so a
 * burst costs one disk flush instead of one per message. Nobody is answered before the commit (ADR 12). A
 * conversation always goes to the same writer, so its messages keep their order and writers never wait on each
 * other's row locks.
 */
@Component
class MessageWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    /**
     * One writer gave the largest batches and the best throughput on two cores (4,600 msg/s against 2,500 with four
     * writers and 3,900 with two; docs/performance.md). More may pay on bigger machines.
     */
    static final int WRITERS = 1;

    static final int MAX_BATCH = 256;

    record Request(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String body,
            String preview,
            Instant now,
            CompletableFuture<Optional<FastPost>> result) {}

    private final ConversationRepository repository;
    private final TransactionTemplate transactions;
    private final List<BlockingQueue<Request>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();

    private final BatchSql sql;
    private final Clock clock;

    MessageWriter(
            ConversationRepository repository,
            BatchSql sql,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.sql = sql;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        for (int i = 0; i < WRITERS; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /**
     * Stores the message as {@link ConversationRepository#appendToOpen} does, committed before this returns. Empty
     * when the fast path does not apply (no open conversation, or a stored client id).
     */
    Optional<FastPost> append(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String body,
            String preview,
            Instant now) {
        if (!running) {
            return repository.appendToOpen(account, inboxId, contact, clientId, body, preview, now);
        }
        var request = new Request(account, inboxId, contact, clientId, body, preview, now, new CompletableFuture<>());
        int writer = Math.floorMod(Long.hashCode(inboxId * 31 + contact.value()), WRITERS);
        queues.get(writer).add(request);
        try {
            return request.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a message", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run(BlockingQueue<Request> queue) {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.take();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error("Message writer failed", e);
                batch.forEach(request -> request.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Request> batch) {
        List<Optional<FastPost>> results;
        try {
            Instant now = DatabaseTime.truncate(clock.instant());
            results = transactions.execute(status -> sql.write(batch, now));
        } catch (RuntimeException batchFailed) {
            // The batch rolled back (a retry raced its own first send, say). Store each alone, so the others are
            // not lost and a failure reaches only its sender.
            fallbacks.incrementAndGet();
            if (batchFailed instanceof DuplicateKeyException) {
                log.debug("Batch of {} met a duplicate client id; storing one by one", batch.size(), batchFailed);
            } else {
                log.warn("Batch of {} failed; storing one by one", batch.size(), batchFailed);
            }
            for (Request r : batch) {
                try {
                    r.result()
                            .complete(repository.appendToOpen(
                                    r.account(),
                                    r.inboxId(),
                                    r.contact(),
                                    r.clientId(),
                                    r.body(),
                                    r.preview(),
                                    r.now()));
                } catch (RuntimeException alone) {
                    r.result().completeExceptionally(alone);
                }
            }
            return;
        }
        batches.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    /** Batches committed, and batches that fell back to one transaction a message; for tests and metrics. */
    long batchesWritten() {
        return batches.get();
    }

    long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            BlockingQueue<Request> queue = queues.get(i);
            threads.add(Thread.ofPlatform().name("message-writer-" + i).daemon().start(() -> run(queue)));
        }
    }

    /** Stops after the queued messages are stored; later sends take the direct path. */
    @Override
    public void stop() {
        running = false;
        for (int i = 0; i < threads.size(); i++) {
            if (queues.get(i).isEmpty()) {
                threads.get(i).interrupt();
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        // A sender that queued just as the writers stopped is served here.
        for (BlockingQueue<Request> queue : queues) {
            List<Request> left = new ArrayList<>();
            queue.drainTo(left);
            if (!left.isEmpty()) {
                write(left);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops taking messages) and before the connection pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
