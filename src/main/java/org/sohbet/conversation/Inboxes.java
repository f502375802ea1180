package org.sohbet.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's inboxes, whatever their channel. A channel module creates an inbox here and keeps its own settings
 * beside it under the same id.
 */
@Service
public class Inboxes {

    public static final int MAX_NAME = 120;

    private final InboxRepository repository;
    private final Clock clock;

    Inboxes(InboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @param channel the channel module's tag, 2–20 lower-case letters
     */
    @Transactional
    public Inbox create(AccountId account, String name, String channel) {
        long id = repository.insert(account, checkName(name), channel, DatabaseTime.truncate(clock.instant()));
        return repository.find(account, id).orElseThrow();
    }

    public List<Inbox> list(AccountId account) {
        return repository.list(account);
    }

    public Optional<Inbox> find(AccountId account, long id) {
        return repository.find(account, id);
    }

    public Inbox get(AccountId account, long id) {
        return find(account, id).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public void rename(AccountId account, long id, String name) {
        get(account, id);
        repository.rename(account, id, checkName(name));
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new ConversationProblem("invalid");
        }
        return clean;
    }
}
