package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The group commit: many senders at once, several conversations, retries inside one batch. */
class MessageWriterIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Conversations conversations;

    @Autowired
    Contacts contacts;

    @Autowired
    MessageWriter writer;

    SignedInAgent owner;
    List<Contact> people = new ArrayList<>();

    @BeforeEach
    void conversations() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        for (int i = 0; i < 5; i++) {
            Contact contact = contacts.createAnonymous(owner.accountId(), "Visitor " + i, null);
            conversations.postFromContact(owner.accountId(), 1, contact.id(), "first-" + i, "hello " + i);
            people.add(contact);
        }
    }

    @Test
    void concurrentSendersAreStoredInBatchesWithContiguousSequencesAndRetriesAnswerTheStoredMessage() throws Exception {
        long batchesBefore = writer.batchesWritten();
        long fallbacksBefore = writer.fallbacks();
        List<Future<Conversations.Posted>> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 200; i++) {
                    Contact contact = people.get(i % 5);
                    String clientId = "m" + i;
                    results.add(pool.submit(() -> conversations.postFromContact(
                            owner.accountId(), 1, contact.id(), clientId, "message " + clientId)));
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Conversations.Posted> result : results) {
            ids.add(result.get().message().id());
        }
        assertThat(ids.stream().distinct()).as("each client id stored once").hasSize(200);
        for (Contact contact : people) {
            ConversationSummary conversation =
                    conversations.forContact(owner.accountId(), 1, contact.id()).orElseThrow();
            assertThat(conversation.lastSeq()).isEqualTo(41);
            assertThat(conversations.messagesAfter(owner.accountId(), conversation.id(), 0))
                    .extracting(MessageView::seq)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 41).boxed().toList());
        }
        assertThat(writer.batchesWritten() - batchesBefore).isPositive().isLessThan(400);
        assertThat(writer.fallbacks() - fallbacksBefore).isZero();
    }

    @Test
    void aResolvedConversationIsLeftToTheFullPathWhichReopensIt() {
        ConversationId id = conversations
                .forContact(owner.accountId(), 1, people.getFirst().id())
                .orElseThrow()
                .id();
        conversations.resolve(owner, id);
        Conversations.Posted posted = conversations.postFromContact(
                owner.accountId(), 1, people.getFirst().id(), "again", "one more");
        assertThat(posted.message().seq()).isEqualTo(4);
        assertThat(conversations.messagesAfter(owner.accountId(), id, 0))
                .extracting(m -> m.activity() == null ? m.text() : m.activity())
                .containsExactly("hello 0", "resolved", "reopened", "one more");
    }
}
