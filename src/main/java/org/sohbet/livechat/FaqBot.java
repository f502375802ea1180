package org.sohbet.livechat;

import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.AssistantTurns;
import org.sohbet.conversation.ConversationId;
import org.sohbet.helpcenter.BotAnswer;
import org.sohbet.helpcenter.HelpAnswers;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The website channel's driver of the FAQ bot (ADRs 0022 and 0023): after a visitor's message it may answer from the
 * help center, and it turns the visitor's verdict into a resolution or a hand-off. It only ever adds messages; the
 * conversation keeps its place in the queue throughout.
 */
@Component
class FaqBot {

    /** What the visitor said of the bot's latest answer. */
    enum Verdict {
        YES,
        NO,
        PERSON;

        static Optional<Verdict> of(String code) {
            return switch (code == null ? "" : code) {
                case "yes" -> Optional.of(YES);
                case "no" -> Optional.of(NO);
                case "person" -> Optional.of(PERSON);
                default -> Optional.empty();
            };
        }
    }

    private final FaqBotRepository settings;
    private final AssistantTurns turns;
    private final HelpAnswers answers;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    FaqBot(
            FaqBotRepository settings,
            AssistantTurns turns,
            HelpAnswers answers,
            MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.turns = turns;
        this.answers = answers;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The visitor wrote {@code question}. Answers with an excerpt and the article's link, then asks whether it helped,
     * when the inbox opted in, no agent is in the chat, no earlier answer waits for a verdict and the best article's
     * confidence reaches the inbox's threshold; otherwise stays silent.
     *
     * @param base Sohbet's public base URL, which the article's path is relative to
     * @return whether the bot answered
     */
    boolean heard(
            AccountId account,
            long inboxId,
            ConversationId conversation,
            Language language,
            String question,
            String base) {
        FaqBots.Settings inbox = settings.find(account, inboxId).orElse(FaqBots.Settings.OFF);
        if (!inbox.enabled() || question == null || question.isBlank()) {
            return false;
        }
        Optional<BotAnswer> best = answers.best(account, language, question)
                .filter(answer -> answer.confidence() * 100 >= inbox.threshold());
        if (best.isEmpty() || !turns.mayAnswer(account, conversation)) {
            return false;
        }
        // A language model, when the account has one (ADR 24), may take seconds: it writes outside the transaction,
        // and the checks below are made again under the conversation's lock before anything is posted.
        BotAnswer answer = answers.withGenerated(account, question, best.get());
        Boolean answered = transactions.execute(status -> {
            settings.lock(conversation.value());
            if (!turns.mayAnswer(account, conversation) || answers.awaitingVerdict(account, conversation.value())) {
                return false;
            }
            turns.answer(account, conversation, text(answer, base));
            answers.answered(account, conversation.value(), answer);
            turns.answer(account, conversation, messages.getMessage("bot.ask", null, language.locale()));
            return true;
        });
        return Boolean.TRUE.equals(answered);
    }

    /**
     * The visitor's answer to "did this answer your question?". Yes resolves the conversation as answered by the bot;
     * no, or asking for a person, hands it to the queue. Ignored unless an answer waits for a verdict and still no
     * agent is in the chat: the bot never resolves what a person has taken up.
     *
     * @return whether the verdict changed anything
     */
    boolean verdict(AccountId account, ConversationId conversation, Verdict verdict) {
        Boolean decided = transactions.execute(status -> {
            settings.lock(conversation.value());
            if (!answers.awaitingVerdict(account, conversation.value()) || !turns.mayAnswer(account, conversation)) {
                return false;
            }
            if (verdict == Verdict.YES) {
                turns.resolve(account, conversation);
                answers.accepted(account, conversation.value());
            } else {
                turns.handToPerson(account, conversation);
                answers.escalated(account, conversation.value());
            }
            return true;
        });
        return Boolean.TRUE.equals(decided);
    }

    /**
     * The excerpt, then the article as a {@code [title](url)} link, which the widget and the console both render. A
     * generated answer comes with its numbered sources instead, one link each.
     */
    static String text(BotAnswer answer, String base) {
        if (answer.isGenerated() && !answer.sources().isEmpty()) {
            StringBuilder text = new StringBuilder(answer.generated().strip()).append("\n");
            for (BotAnswer.Source source : answer.sources()) {
                text.append("\n[").append(source.number()).append("] ");
                text.append(link(source.title(), base + source.path()));
            }
            return text.toString();
        }
        return answer.excerpt() + "\n\n" + link(answer.title(), base + answer.path());
    }

    private static String link(String title, String url) {
        return "[" + title.replaceAll("[\\[\\]\\s]+", " ").strip() + "](" + url + ")";
    }
}
