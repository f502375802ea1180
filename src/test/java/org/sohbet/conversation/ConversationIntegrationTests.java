package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ConversationIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Conversations conversations;

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
        leyla = contacts.createAnonymous(owner.accountId(), "<img src=x onerror=alert(1)>", null);
    }

    RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }

    ConversationId start(String text) {
        conversations.postFromContact(owner.accountId(), 1, leyla.id(), "c-" + text.hashCode(), text);
        return conversations
                .forContact(owner.accountId(), 1, leyla.id())
                .orElseThrow()
                .id();
    }

    @Test
    void concurrentSendsGetContiguousSequenceNumbersAndRetriesStoreNothing() throws Exception {
        ConversationId id = start("first");
        List<Future<Conversations.Posted>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                String clientId = "p" + (i % 20);
                results.add(pool.submit(() -> conversations.postFromContact(
                        owner.accountId(), 1, leyla.id(), clientId, "parallel " + clientId)));
            }
        }
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        for (Future<Conversations.Posted> result : results) {
            seqs.add(result.get().message().seq());
        }
        assertThat(seqs.stream().distinct().sorted().toList())
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(2, 21).boxed().toList());
        assertThat(conversations.messagesAfter(owner.accountId(), id, 0))
                .extracting(MessageView::seq)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList());
    }

    @Test
    void resolvingReopeningAndRatingAreSequencedAndRatingNeedsAResolution() {
        ConversationId id = start("help me");
        assertThatThrownBy(() -> conversations.rate(owner.accountId(), 1, leyla.id(), 5, null))
                .isInstanceOf(ConversationProblem.class)
                .hasMessage("not_resolved");
        MessageView resolved = conversations.resolve(owner, id);
        assertThat(resolved.status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(resolved.authorName()).isEqualTo("Ali");
        MessageView rated = conversations.rate(owner.accountId(), 1, leyla.id(), 4, "quick, thanks");
        assertThat(rated.activity()).isEqualTo("rated");
        assertThat(rated.rating()).isEqualTo(4);
        assertThatThrownBy(() -> conversations.rate(owner.accountId(), 1, leyla.id(), 1, null))
                .as("one rating per resolution")
                .isInstanceOf(ConversationProblem.class);
        assertThatThrownBy(() -> conversations.rate(owner.accountId(), 1, leyla.id(), 6, null))
                .isInstanceOf(ConversationProblem.class);

        conversations.postFromContact(owner.accountId(), 1, leyla.id(), "again", "one more thing");
        List<MessageView> all = conversations.messagesAfter(owner.accountId(), id, 0);
        assertThat(all)
                .extracting(m -> m.kind() + ":" + (m.activity() == null ? "" : m.activity()) + ":"
                        + m.status().code())
                .containsExactly(
                        "text::open",
                        "activity:resolved:resolved",
                        "activity:rated:resolved",
                        "activity:reopened:open",
                        "text::open");
        assertThat(conversations.find(owner.accountId(), id).orElseThrow().rating())
                .as("a new cycle may be rated again")
                .isNull();
    }

    @Test
    void anotherAccountsConversationAnswers404Everywhere() throws Exception {
        ConversationId id = start("private");
        assertThat(conversations.find(other.accountId(), id)).isEmpty();
        assertThatThrownBy(() -> conversations.postFromAgent(other, id, "x", "hi"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> conversations.resolve(other, id)).isInstanceOf(NotFoundException.class);
        assertThat(conversations.messagesAfter(other.accountId(), id, 0)).isEmpty();

        String missing = mvc.perform(get("/console/conversations/999999").with(as(other)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var foreign = mvc.perform(get("/console/conversations/" + id.value()).with(as(other)))
                .andReturn()
                .getResponse();
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(foreign.getContentAsString()).isEqualTo(missing);
        assertThat(mvc.perform(post("/console/conversations/" + id.value() + "/resolve")
                                .with(as(other))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/console/conversations/" + id.value() + "/messages?after=0")
                                .with(as(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/console/inbox").with(as(other)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("private");
    }

    @Test
    void markupFromVisitorsShowsAsTextAndOnlySafeLinksAreClickable() throws Exception {
        ConversationId id = start("<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://shop.example/a)");
        Document page = Jsoup.parse(
                mvc.perform(get("/console/conversations/" + id.value()).with(as(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#messages script")).isEmpty();
        assertThat(page.select("#messages img")).isEmpty();
        assertThat(page.select("#messages").text()).contains("<script>alert(1)</script>");
        assertThat(page.select("#conversation-header h2").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.select("#messages a"))
                .extracting(a -> a.attr("href"))
                .containsExactly("https://shop.example/a");
        assertThat(page.select("#messages a").attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(page.select("#conversation-list li").text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void anAgentClaimsRepliesAndResolvesFromTheConsole() throws Exception {
        ConversationId id = start("where is my parcel?");
        mvc.perform(post("/console/conversations/" + id.value() + "/claim")
                .with(as(owner))
                .with(csrf()));
        mvc.perform(post("/console/conversations/" + id.value() + "/messages")
                .with(as(owner))
                .with(csrf())
                .param("text", "It left today.")
                .param("clientId", "r1"));
        mvc.perform(post("/console/conversations/" + id.value() + "/messages")
                .with(as(owner))
                .with(csrf())
                .param("text", "It left today.")
                .param("clientId", "r1"));
        mvc.perform(post("/console/conversations/" + id.value() + "/resolve")
                .with(as(owner))
                .with(csrf()));
        assertThat(conversations.messagesAfter(owner.accountId(), id, 0))
                .extracting(m -> m.kind().equals("activity") ? m.activity() : m.text())
                .containsExactly("where is my parcel?", "claimed", "It left today.", "resolved");
        Document page =
                Jsoup.parse(mvc.perform(get("/console/inbox?status=resolved").with(as(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("#conversation-list li")).hasSize(1);
    }
}
