package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.i18n.Language;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Accounts, sessions and articles for the help center's integration tests, made through the real code paths. */
final class HelpFixtures {

    static final String PASSWORD = "correct horse battery";

    private final MockMvc mvc;
    private final FirstOwnerSetup setup;
    private final ArticleEditor editor;
    private final Sites sites;

    HelpFixtures(MockMvc mvc, FirstOwnerSetup setup, ArticleEditor editor, Sites sites) {
        this.mvc = mvc;
        this.setup = setup;
        this.editor = editor;
        this.sites = sites;
    }

    SignedInAgent owner(String shop, String email) {
        var owner = new FirstOwnerSetup.NewOwner(shop, "Owner " + email, email, PASSWORD, null, ZoneId.of("UTC"));
        return setup.isNeeded() ? setup.createFirstOwner(owner) : setup.createAccount(owner);
    }

    MockHttpSession signIn(String email) throws Exception {
        MvcResult result = mvc.perform(
                        post("/login").with(csrf()).param("email", email).param("password", PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    long article(SignedInAgent agent, Language language, String title, String body, boolean published) {
        return editor.create(
                agent.accountId(),
                agent.agentId(),
                null,
                language,
                new ArticleDraft(title, "", "", body, published),
                new ArticleEditor.Placement(null, 0));
    }

    long translation(SignedInAgent agent, long groupId, Language language, String title, String body) {
        return editor.create(
                agent.accountId(),
                agent.agentId(),
                groupId,
                language,
                new ArticleDraft(title, "", "", body, true),
                new ArticleEditor.Placement(null, 0));
    }

    Article get(SignedInAgent agent, long id) {
        return editor.get(agent.accountId(), id);
    }

    String site(SignedInAgent agent) {
        return sites.of(agent.accountId()).slug();
    }
}
