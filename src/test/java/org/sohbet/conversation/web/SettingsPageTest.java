package org.sohbet.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Two accounts: the shop with an owner and an agent, and another tenant whose ids must answer 404. */
abstract class SettingsPageTest extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Inboxes inboxes;

    SignedInAgent owner;
    SignedInAgent agent;
    SignedInAgent stranger;

    @BeforeEach
    void accounts() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", PASSWORD, null, ZoneId.of("Asia/Tehran")));
        var invitation = invitations.invite(owner, "sara@shop.test", Role.AGENT);
        agent = invitations.accept(invitation.token(), "Sara", PASSWORD);
        stranger = setup.createAccount(
                new FirstOwnerSetup.NewOwner("Other", "Bea", "bea@other.test", PASSWORD, null, ZoneId.of("UTC")));
    }

    RequestPostProcessor as(SignedInAgent who) {
        return authentication(new UsernamePasswordAuthenticationToken(
                who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
    }

    long inboxOf(SignedInAgent who) {
        var existing = inboxes.list(who.accountId());
        return existing.isEmpty()
                ? inboxes.create(who.accountId(), "Website", "website").id()
                : existing.getFirst().id();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The error shown next to a field by {@code layout/settings :: error(field)}. */
    static String fieldError(String html, String field) {
        Element error = Jsoup.parse(html).getElementById(field + "-error");
        return error == null ? null : error.text();
    }

    /** Every control has an accessible name, the page has one h1, and no inline script. */
    static void assertAccessible(String html) {
        Document page = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        for (Element control : page.select("input:not([type=hidden]), select, textarea, button")) {
            String name = control.attr("aria-label");
            if (name.isBlank() && control.is("button")) {
                name = control.text();
            }
            if (name.isBlank() && !control.id().isBlank()) {
                Element label = page.selectFirst("label[for=" + control.id() + "]");
                name = label == null ? "" : label.text();
            }
            if (name.isBlank() && control.closest("label") != null) {
                name = control.closest("label").text();
            }
            if (name.isBlank()) {
                problems.add(control.outerHtml());
            }
        }
        assertThat(problems).as("controls without an accessible name").isEmpty();
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();
    }
}
