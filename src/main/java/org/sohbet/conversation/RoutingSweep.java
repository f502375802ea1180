package org.sohbet.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The timers of routing. Their state is in the conversation and presence rows (due times, snooze ends, last
 * activity), so a restart or a lost node loses none of them: the next sweep, on any node, finds what is due. Row
 * locks and re-checks make two nodes sweeping at once harmless.
 */
@Configuration
@EnableScheduling
class RoutingSweep {

    private static final Logger log = LoggerFactory.getLogger(RoutingSweep.class);

    private final Routing routing;
    private final Availability availability;

    RoutingSweep(Routing routing, Availability availability) {
        this.routing = routing;
        this.availability = availability;
    }

    @Scheduled(
            fixedDelayString = "${sohbet.routing.sweep-millis:5000}",
            initialDelayString = "${sohbet.routing.sweep-millis:5000}")
    void sweep() {
        try {
            routing.requeueOverdue();
            routing.wakeSnoozed();
            availability.sweepIdle();
            routing.drainAll();
        } catch (RuntimeException e) {
            log.warn("Routing sweep failed; the next one retries", e);
        }
    }

    @Scheduled(fixedDelayString = "${sohbet.routing.queue-publish-millis:1000}", initialDelay = 1000)
    void publishQueues() {
        try {
            routing.publishQueues();
        } catch (RuntimeException e) {
            log.warn("Queue positions not published; the next run retries", e);
        }
    }
}
