package org.sohbet.conversation;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed, or at once outside one. A drain requested inside the
 * transaction that makes an agent free would run on another thread before the commit, read the old state and assign
 * nothing; nothing else would ask again until the next sweep.
 */
final class AfterCommit {

    private AfterCommit() {}

    static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
