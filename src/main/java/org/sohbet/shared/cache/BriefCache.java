package org.sohbet.shared.cache;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers kept for a moment, grouped by a scope (for modules, most often an account). {@link #forget} bumps the
 * scope's generation, so an answer that was being computed while a change committed is never served after it: only
 * answers started after the change count. Kept per node: the moment is short enough that another node's change shows
 * within it.
 */
public final class BriefCache<K, V> {

    private record Entry<V>(V value, long at, long generation, long epoch) {}

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<Object, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    /** Every cache of the process, so that tests can empty them all between cases (ids start again there). */
    private static final Set<BriefCache<?, ?>> ALL =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public BriefCache(long ttlMillis) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        ALL.add(this);
    }

    /** Empties every cache of the process (tests start each case on empty tables, with ids starting again). */
    public static void clearEverywhere() {
        synchronized (ALL) {
            ALL.forEach(BriefCache::clear);
        }
    }

    public V get(Object scope, K key, Supplier<V> compute) {
        long now = System.nanoTime();
        long generation = generations.getOrDefault(scope, 0L);
        long era = epoch.get();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == generation && entry.epoch() == era && now - entry.at() < ttlNanos) {
            return entry.value();
        }
        V value = compute.get();
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now, generation, era));
        return value;
    }

    /** Everything of the scope kept so far is stale. */
    public void forget(Object scope) {
        generations.merge(scope, 1L, Long::sum);
    }

    /**
     * For a change inside a transaction: the scope is stale now, so nothing read before the change is served, and
     * again after the commit, so nothing read from the old state while the transaction ran is served either.
     */
    public void forgetOnCommit(Object scope) {
        forget(scope);
        afterCommit(() -> forget(scope));
    }

    /** As {@link #forgetOnCommit}, for every scope. */
    public void forgetAllOnCommit() {
        forgetAll();
        afterCommit(this::forgetAll);
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        }
    }

    /** Everything kept so far is stale, in every scope. */
    public void forgetAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    /** Drops everything, generations too (tests start each case on empty tables, with ids starting again). */
    public void clear() {
        entries.clear();
        generations.clear();
    }
}
