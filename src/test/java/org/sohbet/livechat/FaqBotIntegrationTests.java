package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationStatus;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.sohbet.helpcenter.HelpArticleFixture;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The FAQ bot on the website channel (ADR 0023): when it answers, when it keeps quiet, and the visitor's verdict. */
class FaqBotIntegrationTests extends PostgresIntegrationTest {

    static final String RETURNS_BODY = "You can return shoes within 30 days for a full refund. Keep the receipt.";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    FaqBots bots;

    @Autowired
    FaqBot bot;

    @Autowired
    Conversations conversations;

    HelpArticleFixture articles;
    SignedInAgent owner;
    SignedInAgent other;
    WebsiteInbox inbox;

    @BeforeEach
    void shops() {
        articles = new HelpArticleFixture(applicationContext);
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        other = setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other", "Bea", "bea@other.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
    }

    TestSocket visitor(String lang) {
        TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port));
        socket.send(Map.of("type", "hello", "inbox", inbox.publicKey(), "lang", lang, "after", 0));
        socket.next("welcome");
        socket.next("synced");
        return socket;
    }

    static JsonNode nextMessage(TestSocket socket, String author) {
        while (true) {
            JsonNode frame = socket.next("message");
            if (author.equals(frame.path("author").asString())) {
                return frame;
            }
        }
    }

    ConversationSummary only() {
        long id = jdbc.sql("select id from conversation").query(Long.class).single();
        return conversations.find(owner.accountId(), new ConversationId(id)).orElseThrow();
    }

    List<MessageView> assistantMessages(ConversationId id) {
        return conversations.messagesAfter(owner.accountId(), id, 0).stream()
                .filter(m -> m.author() == Author.ASSISTANT)
                .toList();
    }

    /** A visitor's message stored the way the socket stores it, for the cases where the bot must keep quiet. */
    ConversationId visitorWrites(String text) {
        try (TestSocket socket = visitor("en")) {
            socket.send(Map.of("type", "send", "clientId", "q-" + text.hashCode(), "text", text));
            socket.next("ack");
        }
        return only().id();
    }

    boolean heard(ConversationId id, String question) {
        return bot.heard(owner.accountId(), inbox.id(), id, Language.ENGLISH, question, "http://127.0.0.1:" + port);
    }

    @Test
    void theBotIsOffUntilTheInboxOptsInAtTheDefaultThreshold() {
        assertThat(bots.settings(owner.accountId(), inbox.id())).isEqualTo(new FaqBots.Settings(false, 60));
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        ConversationId id = visitorWrites("can I return shoes for a refund?");
        assertThat(heard(id, "can I return shoes for a refund?")).isFalse();
        assertThat(assistantMessages(id)).isEmpty();
    }

    @Test
    void aQuestionAnArticleCoversIsAnsweredAtOnceWithExcerptLinkAndTheQuestionWhileTheConversationStaysQueued() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        try (TestSocket socket = visitor("en")) {
            socket.send(Map.of("type", "send", "clientId", "q1", "text", "How do I return shoes for a refund?"));
            socket.next("ack");
            JsonNode answer = nextMessage(socket, "assistant");
            assertThat(answer.path("kind").asString()).isEqualTo("text");
            assertThat(answer.path("text").asString())
                    .contains("return shoes within 30 days")
                    .containsPattern("\\[Returning shoes\\]\\(http://[^)]+/help/[^)]+\\)");
            JsonNode ask = nextMessage(socket, "assistant");
            assertThat(ask.path("text").asString()).isEqualTo("Did this answer your question?");
            assertThat(ask.path("seq").asLong())
                    .isGreaterThan(answer.path("seq").asLong());
        }
        ConversationSummary conversation = only();
        assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.queued())
                .as("the bot never takes the conversation out of the queue")
                .isTrue();
        assertThat(jdbc.sql("select outcome from help_bot_answer")
                        .query(String.class)
                        .list())
                .containsExactly("answered");
    }

    @Test
    void theBotAnswersInTheVisitorsLanguage() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        try (TestSocket socket = visitor("tr")) {
            socket.send(Map.of("type", "send", "clientId", "q1", "text", "return shoes refund"));
            nextMessage(socket, "assistant");
            assertThat(nextMessage(socket, "assistant").path("text").asString())
                    .isEqualTo("Bu, sorunuzu yanıtladı mı?");
        }
    }

    @Test
    void belowTheThresholdTheBotStaysSilent() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        String question = "return my bicycle helmet with a gift card";
        ConversationId id = visitorWrites(question);
        assertThat(heard(id, question)).isFalse();
        assertThat(assistantMessages(id)).isEmpty();

        // The same question answers once the shop lowers its threshold far enough.
        bots.configure(owner.accountId(), inbox.id(), true, "10");
        assertThat(heard(id, question)).isTrue();
    }

    @Test
    void theBotStaysSilentWhenAnAgentIsInTheChat() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        ConversationId id = visitorWrites("hello there");
        conversations.claim(owner, id);
        conversations.postFromAgent(owner, id, "a1", "Hi, Ali here.");
        assertThat(heard(id, "How do I return shoes for a refund?")).isFalse();
        assertThat(assistantMessages(id)).isEmpty();
    }

    @Test
    void theBotDoesNotAnswerAgainWhileItsAnswerAwaitsAVerdict() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        ConversationId id = visitorWrites("something unrelated");
        assertThat(heard(id, "How do I return shoes for a refund?")).isTrue();
        assertThat(heard(id, "return shoes refund please")).isFalse();
        assertThat(assistantMessages(id)).hasSize(2);
    }

    @Test
    void yesResolvesTheConversationAsAnsweredByTheBot() throws Exception {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        try (TestSocket socket = visitor("en")) {
            socket.send(Map.of("type", "send", "clientId", "q1", "text", "How do I return shoes for a refund?"));
            nextMessage(socket, "assistant");
            nextMessage(socket, "assistant");
            socket.send(Map.of("type", "bot", "answer", "yes"));
            JsonNode resolved = nextMessage(socket, "assistant");
            assertThat(resolved.path("activity").asString()).isEqualTo("resolved");
            assertThat(resolved.path("status").asString()).isEqualTo("resolved");
            // A second verdict on the same answer changes nothing.
            socket.send(Map.of("type", "bot", "answer", "no"));
            assertThat(socket.drain(Duration.ofMillis(500)))
                    .noneMatch(f -> "message".equals(f.path("type").asString()));
        }
        ConversationSummary conversation = only();
        assertThat(conversation.status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(conversation.queued()).isFalse();
        assertThat(jdbc.sql("select outcome from help_bot_answer")
                        .query(String.class)
                        .list())
                .containsExactly("accepted");
    }

    @Test
    void noHandsTheConversationToTheQueueWithTheBotsExchangeVisibleToAgents() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        try (TestSocket socket = visitor("en")) {
            socket.send(Map.of("type", "send", "clientId", "q1", "text", "How do I return shoes for a refund?"));
            nextMessage(socket, "assistant");
            nextMessage(socket, "assistant");
            socket.send(Map.of("type", "bot", "answer", "no"));
            assertThat(nextMessage(socket, "assistant").path("activity").asString())
                    .isEqualTo("handed_off");
        }
        ConversationSummary conversation = only();
        assertThat(conversation.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.queued()).isTrue();
        assertThat(conversations.visible(owner, conversation.id())).isPresent();
        assertThat(conversations.messagesAfter(owner.accountId(), conversation.id(), 0))
                .extracting(MessageView::author)
                .containsExactly(Author.VISITOR, Author.ASSISTANT, Author.ASSISTANT, Author.ASSISTANT);
        assertThat(jdbc.sql("select outcome from help_bot_answer")
                        .query(String.class)
                        .list())
                .containsExactly("escalated");
        // Handed to a person, the bot keeps quiet for the rest of the conversation.
        assertThat(heard(conversation.id(), "How do I return shoes for a refund?"))
                .isFalse();
    }

    @Test
    void talkToAPersonAlsoHandsOff() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        ConversationId id = visitorWrites("something unrelated");
        assertThat(heard(id, "How do I return shoes for a refund?")).isTrue();
        assertThat(bot.verdict(owner.accountId(), id, FaqBot.Verdict.PERSON)).isTrue();
        assertThat(assistantMessages(id))
                .last()
                .extracting(MessageView::activity)
                .isEqualTo("handed_off");
        assertThat(only().queued()).isTrue();
    }

    @Test
    void aVerdictWithoutAnAnswerOrAnUnknownOneIsRefusedOrIgnored() {
        bots.configure(owner.accountId(), inbox.id(), true, "60");
        try (TestSocket socket = visitor("en")) {
            socket.send(Map.of("type", "bot", "answer", "yes"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("invalid");
            socket.send(Map.of("type", "send", "clientId", "q1", "text", "hello"));
            socket.next("ack");
            socket.send(Map.of("type", "bot", "answer", "maybe"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("invalid");
        }
        ConversationId id = only().id();
        assertThat(bot.verdict(owner.accountId(), id, FaqBot.Verdict.YES)).isFalse();
        assertThat(only().status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void anotherAccountsArticlesAreNeverUsed() {
        articles.article(other, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        bots.configure(owner.accountId(), inbox.id(), true, "1");
        ConversationId id = visitorWrites("How do I return shoes for a refund?");
        assertThat(heard(id, "How do I return shoes for a refund?")).isFalse();
        assertThat(assistantMessages(id)).isEmpty();
    }

    @Test
    void unpublishedArticlesAreNeverUsed() {
        articles.article(owner, Language.ENGLISH, "Returning shoes", RETURNS_BODY, false);
        bots.configure(owner.accountId(), inbox.id(), true, "1");
        ConversationId id = visitorWrites("How do I return shoes for a refund?");
        assertThat(heard(id, "How do I return shoes for a refund?")).isFalse();
        assertThat(assistantMessages(id)).isEmpty();
    }

    @Test
    void anotherAccountsConversationIsNeverAnswered() {
        articles.article(other, Language.ENGLISH, "Returning shoes", RETURNS_BODY, true);
        FaqBots.Settings on = bots.configure(
                other.accountId(), inboxes.list(other.accountId()).getFirst().id(), true, "1");
        assertThat(on.enabled()).isTrue();
        ConversationId id = visitorWrites("How do I return shoes for a refund?");
        long otherInbox = inboxes.list(other.accountId()).getFirst().id();
        assertThat(bot.heard(other.accountId(), otherInbox, id, Language.ENGLISH, "return shoes refund", "http://x"))
                .isFalse();
        assertThat(bot.verdict(other.accountId(), id, FaqBot.Verdict.PERSON)).isFalse();
        assertThat(assistantMessages(id)).isEmpty();
    }

    @Test
    void theThresholdIsAWholePercentageAndAnotherAccountsInboxIsNotFound() {
        for (String bad : new String[] {"0", "101", "abc", "", "6.5", "-5"}) {
            assertThatThrownBy(() -> bots.configure(owner.accountId(), inbox.id(), true, bad))
                    .isInstanceOf(WebsiteInboxes.InboxProblem.class);
        }
        assertThat(bots.configure(owner.accountId(), inbox.id(), true, " 75 "))
                .isEqualTo(new FaqBots.Settings(true, 75));
        assertThatThrownBy(() -> bots.settings(other.accountId(), inbox.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bots.configure(other.accountId(), inbox.id(), true, "50"))
                .isInstanceOf(NotFoundException.class);
        assertThat(bots.settings(owner.accountId(), inbox.id())).isEqualTo(new FaqBots.Settings(true, 75));
    }
}
