package org.sohbet.helpcenter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help center's side of the FAQ bot (ADR 0022): the best published article of the account for a question, and
 * the record of what became of each answer (answered, then accepted or escalated), which the deflection report reads.
 * Conversations are named by their id only.
 */
@Service
public class HelpAnswers {

    static final int EXCERPT_LENGTH = 280;

    private final HelpArticles articles;
    private final SearchIndexer index;
    private final BotAnswerRepository repository;
    private final Clock clock;
    private final GroundedAnswers grounded;

    HelpAnswers(
            HelpArticles articles,
            SearchIndexer index,
            BotAnswerRepository repository,
            Clock clock,
            GroundedAnswers grounded) {
        this.grounded = grounded;
        this.articles = articles;
        this.index = index;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The best article for the question with its confidence, or empty when nothing matches. A question that finds
     * nothing counts for the knowledge-gap report like a visitor's search.
     */
    public Optional<BotAnswer> best(AccountId account, Language language, String question) {
        List<ArticleHit> hits = articles.search(account, language, question, 1, true);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        ArticleHit hit = hits.getFirst();
        float confidence = index.coverage(account.value(), hit.articleId(), hit.language(), question);
        return Optional.of(new BotAnswer(
                hit.articleId(), hit.language(), hit.title(), hit.path(), excerpt(hit.snippetHtml()), confidence));
    }

    /**
     * The answer written by the account's language model, when the account switched one on in the help center
     * settings (ADR 0024): {@code answer} (from {@link #best}) with {@link BotAnswer#generated()} set, grounded only in
     * the account's top published articles in the answer's language, which {@link BotAnswer#sources()} lists for
     * links. When it is off, or the model fails, times out or replies with nothing usable, {@code answer} comes back
     * unchanged, so the excerpt answer stands. Never throws for the model's sake, but may take up to the account's
     * timeout (at most a minute): call it off the thread that handles the visitor's message.
     */
    public BotAnswer withGenerated(AccountId account, String question, BotAnswer answer) {
        return grounded.compose(account, question, answer);
    }

    /** Records an answer the bot gave in a conversation; the latest one is what the contact's verdict is about. */
    @Transactional
    public void answered(AccountId account, long conversationId, BotAnswer answer) {
        repository.insert(account.value(), conversationId, answer, clock.instant());
    }

    /** The contact said the latest answer helped. */
    @Transactional
    public void accepted(AccountId account, long conversationId) {
        repository.decide(account.value(), conversationId, "accepted", clock.instant());
    }

    /** The contact asked for a person after the latest answer. */
    @Transactional
    public void escalated(AccountId account, long conversationId) {
        repository.decide(account.value(), conversationId, "escalated", clock.instant());
    }

    /** Whether the bot's latest answer in the conversation still waits for the contact's verdict. */
    public boolean awaitingVerdict(AccountId account, long conversationId) {
        return repository
                .latestOutcome(account.value(), conversationId)
                .filter("answered"::equals)
                .isPresent();
    }

    /** The snippet's text without its {@code <mark>} tags and entities, cut at a word near the excerpt length. */
    static String excerpt(String snippetHtml) {
        String text = snippetHtml
                .replaceAll("</?mark>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        int end = text.offsetByCodePoints(0, EXCERPT_LENGTH);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > EXCERPT_LENGTH / 2 ? space : end).strip() + " …";
    }
}
