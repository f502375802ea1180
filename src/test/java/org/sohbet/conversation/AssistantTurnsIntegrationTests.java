package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class AssistantTurnsIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Conversations conversations;

    @Autowired
    AssistantTurns assistant;

    @Autowired
    Contacts contacts;

    SignedInAgent owner;
    SignedInAgent other;
    Contact leyla;

    @BeforeEach
    void accounts() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        other = setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other", "Bea", "bea@other.test", "correct horse battery", null, ZoneId.of("UTC")));
        leyla = contacts.createAnonymous(owner.accountId(), "Leyla", null);
    }

    ConversationId start(String text) {
        conversations.postFromContact(owner.accountId(), 1, leyla.id(), "c-" + text.hashCode(), text);
        return conversations
                .forContact(owner.accountId(), 1, leyla.id())
                .orElseThrow()
                .id();
    }

    @Test
    void anAnswerIsAnAssistantMessageThatLeavesTheConversationInTheQueue() {
        ConversationId id = start("how do I return shoes?");
        assertThat(assistant.mayAnswer(owner.accountId(), id)).isTrue();
        MessageView answer = assistant.answer(owner.accountId(), id, "Returns take 14 days.");
        assertThat(answer.author()).isEqualTo(Author.ASSISTANT);
        assertThat(answer.kind()).isEqualTo("text");
        ConversationSummary after = conversations.find(owner.accountId(), id).orElseThrow();
        assertThat(after.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(after.queued())
                .as("the bot never takes the place of the queue")
                .isTrue();
    }

    @Test
    void resolvingByTheAssistantTakesTheConversationOutOfTheQueueAndTheNextMessageReopensIt() {
        ConversationId id = start("where is my parcel?");
        assistant.answer(owner.accountId(), id, "Track it under Orders.");
        MessageView resolved = assistant.resolve(owner.accountId(), id).orElseThrow();
        assertThat(resolved.author()).isEqualTo(Author.ASSISTANT);
        assertThat(resolved.activity()).isEqualTo("resolved");
        ConversationSummary after = conversations.find(owner.accountId(), id).orElseThrow();
        assertThat(after.status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(after.queued()).isFalse();
        assertThat(assistant.resolve(owner.accountId(), id)).isEmpty();

        conversations.postFromContact(owner.accountId(), 1, leyla.id(), "again", "another question");
        assertThat(assistant.mayAnswer(owner.accountId(), id)).isTrue();
    }

    @Test
    void aHandOffKeepsTheExchangeForTheAgentAndSilencesTheAssistant() {
        ConversationId id = start("my order is wrong");
        assistant.answer(owner.accountId(), id, "See Returns.");
        MessageView handed = assistant.handToPerson(owner.accountId(), id).orElseThrow();
        assertThat(handed.activity()).isEqualTo("handed_off");
        assertThat(conversations.find(owner.accountId(), id).orElseThrow().queued())
                .isTrue();
        assertThat(assistant.mayAnswer(owner.accountId(), id)).isFalse();
        assertThat(conversations.visible(owner, id)).isPresent();
        assertThat(conversations.messagesAfter(owner.accountId(), id, 0))
                .extracting(MessageView::author, MessageView::text)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(Author.VISITOR, "my order is wrong"),
                        org.assertj.core.groups.Tuple.tuple(Author.ASSISTANT, "See Returns."));
    }

    @Test
    void theAssistantIsSilentOnceAnAgentHasWritten() {
        ConversationId id = start("hello");
        conversations.claim(owner, id);
        conversations.postFromAgent(owner, id, "a-1", "Hi, Ali here.");
        conversations.postFromContact(owner.accountId(), 1, leyla.id(), "c-2", "how do returns work?");
        assertThat(assistant.mayAnswer(owner.accountId(), id)).isFalse();
    }

    @Test
    void anotherAccountsConversationIsNotFound() {
        ConversationId id = start("hello");
        assertThat(assistant.mayAnswer(other.accountId(), id)).isFalse();
        assertThatThrownBy(() -> assistant.answer(other.accountId(), id, "hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assistant.resolve(other.accountId(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assistant.handToPerson(other.accountId(), id)).isInstanceOf(NotFoundException.class);
    }
}
