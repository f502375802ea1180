package org.sohbet.livechat;

import org.sohbet.account.AccountId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a website inbox lets the FAQ bot answer, and from which confidence (ADR 0023). */
@Service
public class FaqBots {

    public static final int DEFAULT_THRESHOLD = 60;

    /**
     * @param threshold the least confidence, in percent, at which the bot answers
     */
    public record Settings(boolean enabled, int threshold) {
        static final Settings OFF = new Settings(false, DEFAULT_THRESHOLD);
    }

    private final FaqBotRepository repository;
    private final WebsiteInboxes inboxes;

    FaqBots(FaqBotRepository repository, WebsiteInboxes inboxes) {
        this.repository = repository;
        this.inboxes = inboxes;
    }

    /** The inbox's settings; an inbox nobody configured has the bot off at the default threshold. */
    public Settings settings(AccountId account, long inboxId) {
        inboxes.get(account, inboxId);
        return repository.find(account, inboxId).orElse(Settings.OFF);
    }

    /**
     * @param threshold the percentage as typed, a whole number from 1 to 100
     * @throws WebsiteInboxes.InboxProblem for the field {@code botThreshold} when it is not one
     */
    @Transactional
    public Settings configure(AccountId account, long inboxId, boolean enabled, String threshold) {
        inboxes.get(account, inboxId);
        int percent = parse(threshold);
        Settings settings = new Settings(enabled, percent);
        repository.save(account, inboxId, settings);
        return settings;
    }

    private static int parse(String threshold) {
        String clean = threshold == null ? "" : threshold.strip();
        if (!clean.matches("[0-9]{1,3}")) {
            throw new WebsiteInboxes.InboxProblem("botThreshold", "bot.error.threshold");
        }
        int percent = Integer.parseInt(clean);
        if (percent < 1 || percent > 100) {
            throw new WebsiteInboxes.InboxProblem("botThreshold", "bot.error.threshold");
        }
        return percent;
    }
}
