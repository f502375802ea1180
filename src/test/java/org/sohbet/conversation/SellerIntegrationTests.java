package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sohbet.conversation.RoutingFixture.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.HttpForms;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.sohbet.shared.realtime.LiveEvent;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Marketplace sellers (ADR 32): a seller's conversations are routed to its agents, with the operator's queue as the
 * fallback, and a seller's agents reach nothing of another seller's, by any path.
 */
class SellerIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    @Autowired
    Availability availability;

    @Autowired
    Inboxes inboxes;

    @Autowired
    Routing routing;

    @Autowired
    ConversationViews views;

    @Autowired
    Sellers sellers;

    @Autowired
    Access access;

    @Autowired
    Visitors visitors;

    RoutingFixture market;
    SignedInAgent ali;
    SignedInAgent bea;
    SignedInAgent oz;
    Seller acme;
    Seller bazar;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void marketplace() {
        market = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@market.test", true);
        ali = market.online("Ali", 5);
        bea = market.online("Bea", 5);
        oz = market.online("Oz", 5);
        acme = sellers.create(market.owner, new Sellers.SellerForm("Acme", "acme", true, Set.of(ali.agentId())));
        bazar = sellers.create(market.owner, new Sellers.SellerForm("Bazar", "bazar", true, Set.of(bea.agentId())));
    }

    ConversationSummary arrive(String name, String sellerKey) {
        var contact = contacts.createAnonymous(market.owner.accountId(), name, null);
        conversations.postFromContact(
                market.owner.accountId(),
                market.inbox,
                contact.id(),
                UUID.randomUUID().toString(),
                "hello from " + name,
                sellerKey);
        routing.drain(market.owner.accountId());
        return conversations
                .forContact(market.owner.accountId(), market.inbox, contact.id())
                .orElseThrow();
    }

    static ConversationViews.Query allOpen() {
        return new ConversationViews.Query(ConversationViews.View.ALL, null, ConversationStatus.OPEN, null, null, null);
    }

    @Test
    void aSellersConversationGoesOnlyToItsAgentsAndTheOperatorsQueueTakesTheRest() {
        Seller gone = sellers.create(market.owner, new Sellers.SellerForm("Gone", "gone", false, Set.of()));
        Seller empty = sellers.create(market.owner, new Sellers.SellerForm("Empty", "empty", true, Set.of()));

        ConversationSummary forAcme = arrive("v1", "acme");
        ConversationSummary forBazar = arrive("v2", "bazar");
        ConversationSummary own = arrive("v3", null);
        ConversationSummary unknown = arrive("v4", "nobody");
        ConversationSummary inactive = arrive("v5", "gone");
        ConversationSummary unstaffed = arrive("v6", "empty");

        assertThat(forAcme.sellerId()).isEqualTo(acme.id());
        assertThat(forAcme.assigneeId()).isEqualTo(ali.agentId());
        assertThat(forBazar.sellerId()).isEqualTo(bazar.id());
        assertThat(forBazar.assigneeId()).isEqualTo(bea.agentId());
        assertThat(own.sellerId()).isNull();
        assertThat(own.assigneeId()).as("the operator's own chat").isEqualTo(oz.agentId());
        assertThat(unknown.sellerId()).as("an unknown key").isNull();
        assertThat(unknown.assigneeId()).isEqualTo(oz.agentId());
        assertThat(inactive.sellerId())
                .as("an inactive seller's key, seller " + gone.id())
                .isNull();
        assertThat(inactive.assigneeId()).isEqualTo(oz.agentId());
        assertThat(unstaffed.sellerId()).isEqualTo(empty.id());
        assertThat(unstaffed.assigneeId())
                .as("a seller without agents falls back to the operator's queue")
                .isEqualTo(oz.agentId());
    }

    @Test
    void theOperatorsChatsWaitForTheOperatorRatherThanGoingToASellersFreeAgent() {
        availability.choose(oz, "offline");
        ConversationSummary own = arrive("v1", null);
        assertThat(own.queued()).isTrue();

        ConversationSummary forAcme = arrive("v2", "acme");
        assertThat(forAcme.assigneeId()).isEqualTo(ali.agentId());
        assertThat(market.now(own).queued())
                .as("Ali had room, but it is not Acme's")
                .isTrue();

        availability.choose(ali, "offline");
        ConversationSummary waitingForAcme = arrive("v3", "acme");
        availability.choose(oz, "online");
        routing.drain(market.owner.accountId());
        assertThat(market.now(own).assigneeId()).isEqualTo(oz.agentId());
        assertThat(market.now(waitingForAcme).queued())
                .as("Acme has agents: its chat waits for them, not for the operator")
                .isTrue();
    }

    @Test
    void aSellersAgentReachesNothingOfAnotherSellerOrOfTheOperatorByAnyPath() throws Exception {
        ConversationSummary mine = arrive("Mina", "acme");
        ConversationSummary theirs = arrive("Tara", "bazar");
        ConversationSummary operators = arrive("Omar", null);

        assertThat(views.list(ali, allOpen()).rows())
                .extracting(ConversationSummary::id)
                .containsExactly(mine.id());
        var counts = views.counts(ali, ConversationStatus.OPEN, null);
        assertThat(counts.all()).as("counts reveal no other seller's totals").isEqualTo(1);
        assertThat(counts.mine()).isEqualTo(1);
        assertThat(views.counts(ali, ConversationStatus.RESOLVED, null).all()).isZero();
        assertThat(conversations.visible(ali, theirs.id())).isEmpty();
        assertThat(conversations.visible(ali, operators.id())).isEmpty();
        assertThat(conversations.contactVisible(ali, mine.contactId())).isTrue();
        assertThat(conversations.contactVisible(ali, theirs.contactId())).isFalse();
        assertThat(conversations.contactVisible(ali, operators.contactId())).isFalse();
        assertThat(conversations.contactVisible(market.owner, theirs.contactId()))
                .isTrue();

        for (ConversationSummary foreign : new ConversationSummary[] {theirs, operators}) {
            long id = foreign.id().value();
            for (String path : new String[] {
                "/console/conversations/" + id,
                "/console/conversations/" + id + "/messages",
                "/console/conversations/" + id + "/header",
                "/console/shop/conversations/" + id + "/orders",
                "/console/canned?conversation=" + id,
                "/console/email/conversations/" + id
            }) {
                assertThat(mvc.perform(get(path).with(as(ali)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(path)
                        .isEqualTo(404);
            }
            assertThat(mvc.perform(post("/console/conversations/" + id + "/messages")
                                    .with(as(ali))
                                    .with(csrf())
                                    .param("text", "hi")
                                    .param("clientId", "r-" + id))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThat(mvc.perform(post("/console/conversations/" + id + "/claim")
                                    .with(as(ali))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
            assertThatThrownBy(() -> conversations.postFromAgent(ali, foreign.id(), "x", "hi"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> conversations.assign(ali, foreign.id(), ali.agentId(), null, null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> conversations.resolve(ali, foreign.id())).isInstanceOf(NotFoundException.class);
            var notice = new LiveEvent("conversation", 0, "visitor", "{}", AgentAudience.of(market.now(foreign)));
            assertThat(AgentAudience.admits(access.scope(ali), notice)).isFalse();
        }
        assertThat(mvc.perform(get("/console/conversations/" + mine.id().value())
                                .with(as(ali)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        String inbox = mvc.perform(get("/console/inbox").with(as(ali)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox).contains("hello from Mina").doesNotContain("Tara").doesNotContain("Omar");

        assertThat(conversations.messagesAfter(market.owner.accountId(), theirs.id(), 0))
                .as("nothing was written by the refused attempts")
                .extracting(MessageView::kind)
                .containsExactly("text", "activity");
    }

    @Test
    void theOperatorsAdminsSeeEverySellerAndStepInButCannotHandAChatToAnotherSellersAgent() {
        ConversationSummary theirs = arrive("Tara", "bazar");
        SignedInAgent owner = market.owner;

        assertThat(views.list(owner, allOpen()).rows()).hasSize(1);
        assertThat(views.list(oz, allOpen()).rows())
                .as("the operator's own agents too")
                .hasSize(1);

        conversations.postFromAgent(owner, theirs.id(), "step-in", "The operator here, let me help.");
        assertThat(conversations.visible(bea, theirs.id())).isPresent();
        conversations.assign(owner, theirs.id(), oz.agentId(), null, null);
        assertThat(market.now(theirs).assigneeId()).isEqualTo(oz.agentId());
        assertThat(market.now(theirs).sellerId())
                .as("stepping in never moves the chat out of its seller")
                .isEqualTo(bazar.id());
        assertThat(conversations.visible(bea, theirs.id()))
                .as("Bazar's agents still see it")
                .isPresent();

        assertThatThrownBy(() -> conversations.assign(owner, theirs.id(), ali.agentId(), null, null))
                .isInstanceOf(ConversationProblem.class)
                .hasMessage("cannot_serve");
        assertThat(access.servers(owner.accountId(), market.inbox, null, bazar.id()))
                .contains(bea.agentId(), oz.agentId(), owner.agentId())
                .doesNotContain(ali.agentId());
    }

    @Test
    void aForgedSellerKeyOnlyRoutesANewChatAndNeverMovesAnExistingOne() {
        ConversationSummary mine = arrive("Mina", "acme");
        // The same customer's page now claims to be Bazar's.
        conversations.postFromContact(
                market.owner.accountId(), market.inbox, mine.contactId(), "forged", "now from bazar", "bazar");
        conversations.resolve(ali, mine.id());
        conversations.postFromContact(
                market.owner.accountId(), market.inbox, mine.contactId(), "forged-2", "reopened as bazar", "bazar");
        routing.drain(market.owner.accountId());

        ConversationSummary after = market.now(mine);
        assertThat(after.sellerId()).isEqualTo(acme.id());
        assertThat(after.assigneeId()).isIn(ali.agentId(), null);
        assertThat(conversations.visible(bea, mine.id()))
                .as("Bazar's agents gain nothing from a page naming Bazar")
                .isEmpty();

        // A forged key on a new chat sends it to that seller: it changes the route, and gives the visitor nothing.
        ConversationSummary forged = arrive("Eve", "bazar");
        assertThat(forged.sellerId()).isEqualTo(bazar.id());
        assertThat(conversations.visible(ali, forged.id())).isEmpty();
        assertThat(access.scope(ali).seller()).isEqualTo(acme.id());
    }

    @Test
    void theLiveVisitorsPageShowsASellersAgentOnlyVisitorsOnItsSellersPages() throws Exception {
        visit("acme-shopper", "acme");
        visit("bazar-shopper", "bazar");
        visit("plain-shopper", null);

        assertThat(visitorKeys(ali)).containsExactly("acme-shopper-" + run);
        assertThat(visitorKeys(bea)).containsExactly("bazar-shopper-" + run);
        assertThat(visitorKeys(market.owner))
                .containsExactlyInAnyOrder("acme-shopper-" + run, "bazar-shopper-" + run, "plain-shopper-" + run);
        String page = mvc.perform(get("/console/visitors").with(as(ali)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("acme-shopper-" + run).doesNotContain("bazar-shopper-" + run);
    }

    private void visit(String key, String seller) {
        String body = "{\"v\":\"" + key + "-" + run + "\"" + (seller == null ? "" : ",\"seller\":\"" + seller + "\"")
                + ",\"events\":[{\"t\":\"page\",\"url\":\"https://market.example/p\",\"title\":\"P\"}]}";
        assertThat(visitors.ingest(market.owner.accountId(), market.inbox, body, null, "203.0.113.9")
                        .accepted())
                .isTrue();
    }

    private java.util.List<String> visitorKeys(SignedInAgent agent) throws Exception {
        String html = mvc.perform(get("/console/visitors/list").with(as(agent)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return org.jsoup.Jsoup.parse("<table>" + html + "</table>")
                .select("tr[data-visitor]")
                .eachAttr("data-visitor")
                .stream()
                .filter(k -> k.endsWith("-" + run))
                .toList();
    }

    @Test
    void aSellersAgentsSocketGetsOnlyItsSellersNoticesAndCannotWatchAnotherSellersChat() throws Exception {
        ConversationSummary theirs = arrive("Tara", "bazar");
        try (TestSocket socket = TestSocket.open(
                port,
                "/ws/agent",
                TestSocket.origin(port),
                "Cookie",
                signIn("ali@" + ali.accountId().value() + ".test"))) {
            socket.next("welcome");
            socket.send(Map.of("type", "watch", "conversation", theirs.id().value(), "after", 0));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("not_found");
            socket.send(Map.of("type", "send", "conversation", theirs.id().value(), "clientId", "s1", "text", "hi"));
            assertThat(socket.next("error").path("code").asString()).isEqualTo("not_found");

            arrive("Tina", "bazar");
            arrive("Otto", null);
            ConversationSummary mine = arrive("Mina", "acme");
            var frames = socket.drain(Duration.ofMillis(800));
            assertThat(frames)
                    .filteredOn(f -> f.path("type").asString().equals("conversation"))
                    .extracting(f -> f.path("id").asLong())
                    .contains(mine.id().value())
                    .doesNotContain(theirs.id().value());
            assertThat(frames.toString()).doesNotContain("Tina").doesNotContain("Otto");
        }
    }

    private String signIn(String email) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(
                                "email",
                                email,
                                "password",
                                RoutingFixture.PASSWORD,
                                "_csrf",
                                HttpForms.csrfToken(login.body()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        return posted.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void sellersAreManagedByTheOperatorsAdminsAndAnotherTenantsSellerIsNotFound() throws Exception {
        RoutingFixture other = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@other.test", false);
        SignedInAgent stranger = other.agent("Sami");
        Seller foreign = sellers.create(other.owner, new Sellers.SellerForm("Foreign", "acme", true, Set.of()));

        assertThat(status(get("/console/settings/sellers/" + foreign.id()), market.owner))
                .isEqualTo(404);
        assertThat(status(
                        post("/console/settings/sellers/" + foreign.id())
                                .param("name", "Taken over")
                                .param("key", "x")
                                .param("active", "true")
                                .param("member", String.valueOf(ali.agentId().value())),
                        market.owner))
                .isEqualTo(404);
        assertThat(sellers.find(other.owner.accountId(), foreign.id())
                        .orElseThrow()
                        .name())
                .isEqualTo("Foreign");
        assertThat(status(get("/console/settings/sellers"), ali))
                .as("agents do not manage sellers")
                .isEqualTo(403);

        assertThat(status(
                        post("/console/settings/sellers")
                                .param("name", "Carpets")
                                .param("key", "carpets")
                                .param("active", "true")
                                .param("member", String.valueOf(oz.agentId().value()))
                                .param(
                                        "member",
                                        String.valueOf(stranger.agentId().value()))
                                .param(
                                        "member",
                                        String.valueOf(market.owner.agentId().value())),
                        market.owner))
                .isEqualTo(302);
        Seller carpets = sellers.list(market.owner.accountId()).stream()
                .filter(s -> s.key().equals("carpets"))
                .findFirst()
                .orElseThrow();
        assertThat(carpets.members())
                .as("another tenant's agent and the operator's owner are dropped")
                .containsExactly(oz.agentId());
        assertThat(access.scope(oz).seller()).as("Oz now works for Carpets").isEqualTo(carpets.id());

        assertThat(status(
                        post("/console/settings/sellers")
                                .param("name", "Other")
                                .param("key", "acme")
                                .param("active", "true"),
                        market.owner))
                .as("a key in use")
                .isEqualTo(422);
        assertThat(status(
                        post("/console/settings/sellers")
                                .param("name", "Bad")
                                .param("key", "<script>")
                                .param("active", "true"),
                        market.owner))
                .isEqualTo(422);

        // Moving Ali to Bazar takes him out of Acme: an agent works for one seller at most.
        sellers.update(
                market.owner,
                bazar.id(),
                new Sellers.SellerForm("Bazar", "bazar", true, Set.of(bea.agentId(), ali.agentId())));
        assertThat(sellers.find(market.owner.accountId(), acme.id())
                        .orElseThrow()
                        .members())
                .isEmpty();
        assertThat(access.scope(ali).seller()).isEqualTo(bazar.id());
    }

    private int status(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, SignedInAgent agent)
            throws Exception {
        return mvc.perform(request.with(as(agent)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
