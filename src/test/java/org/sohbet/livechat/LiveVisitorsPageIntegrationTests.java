package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.visitor.Visitors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The console's live visitors: only the account's own, filtered and sorted, addresses shown safely. */
class LiveVisitorsPageIntegrationTests extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Autowired
    Visitors visitors;

    SignedInAgent owner;
    SignedInAgent other;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void accounts() {
        owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        other = setup.createAccount(
                new FirstOwnerSetup.NewOwner("Other", "Oz", "oz@other.test", PASSWORD, null, ZoneId.of("UTC")));
    }

    void visit(SignedInAgent agent, String key, String step, double cart, String url) {
        long inbox = inboxes.list(agent.accountId()).getFirst().id();
        String events = "{\"t\":\"page\",\"url\":\"" + url + "\",\"title\":\"Page " + key + "\"},"
                + "{\"t\":\"cart\",\"cart\":{\"items\":[],\"total\":" + cart + ",\"currency\":\"EUR\"}}"
                + (step == null
                        ? ""
                        : ",{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"" + step + "\"}}");
        var result = visitors.ingest(
                agent.accountId(),
                inbox,
                "{\"v\":\"" + key + "-" + run + "\",\"seller\":\"acme\",\"events\":[" + events + "]}",
                null,
                "203.0.113.9");
        assertThat(result.accepted()).isTrue();
    }

    MockHttpSession signIn(String email) throws Exception {
        return (MockHttpSession)
                mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
    }

    /**
     * This test's own visitors in the list, in order. Live state is in memory and outlives the tables truncated
     * between tests, and account ids restart, so other tests' visitors may share the account id.
     */
    List<String> ours(Document list) {
        return list.select("tr[data-visitor]").eachAttr("data-visitor").stream()
                .filter(key -> key.endsWith("-" + run))
                .toList();
    }

    Document list(MockHttpSession session, String query) throws Exception {
        // The answer is the list's tbody alone; only inside a table does it parse as rows.
        return Jsoup.parse("<table>"
                + mvc.perform(get("/console/visitors/list?" + query).session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                + "</table>");
    }

    @Test
    void agentsSeeTheirOwnVisitorsFilteredAndSortedAndNeverAnotherAccounts() throws Exception {
        visit(owner, "browsing", null, 0, "https://shop.example/products/tea");
        visit(owner, "paying", "payment", 180, "https://shop.example/checkout");
        visit(owner, "small", "shipping", 40, "https://shop.example/checkout");
        visit(other, "theirs", "payment", 500, "https://other.example/checkout");
        MockHttpSession session = signIn("ali@shop.test");

        Document all = list(session, "sort=cart");
        assertThat(ours(all)).containsExactly("paying-" + run, "small-" + run, "browsing-" + run);

        Document rich = list(session, "step=in&minCart=100");
        assertThat(ours(rich)).containsExactly("paying-" + run);
        var paying = rich.selectFirst("tr[data-visitor=paying-" + run + "]");
        assertThat(paying.selectFirst("td.checkout-step").text()).isEqualTo("Payment");
        assertThat(paying.selectFirst("a").attr("href")).isEqualTo("https://shop.example/checkout");
        assertThat(paying.selectFirst("a").attr("rel")).contains("noopener");
        // The list keeps its filters when it refreshes itself.
        assertThat(rich.selectFirst("tbody").attr("hx-get")).contains("step=in").contains("minCart=100");

        var page = mvc.perform(get("/console/visitors").session(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).doesNotContain("theirs-" + run);

        Document theirs = list(signIn("oz@other.test"), "");
        assertThat(ours(theirs)).containsExactly("theirs-" + run);
    }
}
