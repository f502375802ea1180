package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Accounts, agents and signed-in sessions for integration tests, made through the module's own code paths. */
final class AccountFixtures {

    static final String PASSWORD = "correct horse battery";

    private final MockMvc mvc;
    private final FirstOwnerSetup setup;
    private final Invitations invitations;

    AccountFixtures(MockMvc mvc, FirstOwnerSetup setup, Invitations invitations) {
        this.mvc = mvc;
        this.setup = setup;
        this.invitations = invitations;
    }

    SignedInAgent owner(String email) {
        return setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Shop of " + email, "Owner " + email, email, PASSWORD, null, ZoneId.of("UTC")));
    }

    /** A further tenant with its own owner. */
    SignedInAgent ownerOfAnotherAccount(String email) {
        return setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other shop of " + email, "Owner " + email, email, PASSWORD, null, ZoneId.of("UTC")));
    }

    SignedInAgent invite(SignedInAgent by, String email, Role role) {
        var invitation = invitations.invite(by, email, role);
        return invitations.accept(invitation.token(), "Name of " + email, PASSWORD);
    }

    MvcResult signInResult(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("email", email).param("password", password))
                .andReturn();
    }

    MockHttpSession signIn(String email) throws Exception {
        MvcResult result = signInResult(email, PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console");
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
