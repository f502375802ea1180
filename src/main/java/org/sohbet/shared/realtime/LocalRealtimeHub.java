package org.sohbet.shared.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The single-node hub: topics are keys of a concurrent map, delivery happens on the publishing thread. */
@Component
class LocalRealtimeHub implements RealtimeHub {

    private static final Logger log = LoggerFactory.getLogger(LocalRealtimeHub.class);

    private final ConcurrentHashMap<String, Set<Listener>> topics = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void publish(String topic, LiveEvent event) {
        Set<Listener> listeners = topics.get(topic);
        if (listeners == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.deliver(event);
            } catch (RuntimeException e) {
                // One broken socket must not keep the event from the others.
                log.debug("Listener on {} failed", topic, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, Listener listener) {
        topics.compute(topic, (key, listeners) -> {
            Set<Listener> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
            if (set.add(listener)) {
                count.incrementAndGet();
            }
            return set;
        });
        return new Subscription() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                topics.computeIfPresent(topic, (key, listeners) -> {
                    if (listeners.remove(listener)) {
                        count.decrementAndGet();
                    }
                    return listeners.isEmpty() ? null : listeners;
                });
            }
        };
    }

    @Override
    public int subscriberCount() {
        return count.get();
    }
}
