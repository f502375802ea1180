package org.sohbet.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.sohbet.account.AccountId;

/**
 * Answers kept for a moment, per account. {@link #forget} bumps the account's generation, so an answer that was
 * being computed while a change committed is never served after it: only answers started after the change count.
 */
final class BriefCache<K, V> {

    private record Entry<V>(V value, long at, long generation) {}

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<AccountId, Long> generations = new ConcurrentHashMap<>();

    BriefCache(long ttlMillis) {
        this.ttlNanos = ttlMillis * 1_000_000L;
    }

    V get(AccountId account, K key, Supplier<V> compute) {
        long now = System.nanoTime();
        long generation = generations.getOrDefault(account, 0L);
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == generation && now - entry.at() < ttlNanos) {
            return entry.value();
        }
        V value = compute.get();
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now, generation));
        return value;
    }

    void forget(AccountId account) {
        generations.merge(account, 1L, Long::sum);
    }

    void clear() {
        entries.clear();
        generations.clear();
    }
}
