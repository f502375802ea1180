package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class SignInIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    AccountFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AccountFixtures(mvc, setup, invitations);
        fixtures.owner("owner@shop.test");
    }

    @Test
    void ownerSignsInAndReachesTheConsole() throws Exception {
        MockHttpSession session = fixtures.signIn("owner@shop.test");

        mvc.perform(get("/console/inbox").session(session)).andExpect(status().isOk());
    }

    @Test
    void emailIsMatchedWhateverItsCase() throws Exception {
        MvcResult result = fixtures.signInResult("  Owner@SHOP.test ", AccountFixtures.PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console");
    }

    @Test
    void consoleRedirectsToSignInWithoutASession() throws Exception {
        mvc.perform(get("/console/inbox"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswerAndTheSameWork() throws Exception {
        passwordEncoder.reset();
        MvcResult wrongPassword = fixtures.signInResult("owner@shop.test", "not the password at all");
        int checksForWrongPassword = passwordEncoder.matchesCalls();

        passwordEncoder.reset();
        MvcResult unknownEmail = fixtures.signInResult("nobody@shop.test", "not the password at all");
        int checksForUnknownEmail = passwordEncoder.matchesCalls();

        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(unknownEmail.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(wrongPassword.getResponse().getStatus())
                .isEqualTo(unknownEmail.getResponse().getStatus());
        // An unknown email costs one Argon2 verification too, so timing does not tell registered emails apart.
        assertThat(checksForWrongPassword).isEqualTo(1);
        assertThat(checksForUnknownEmail).isEqualTo(1);
    }

    @Test
    void signInPageShowsOneMessageForBothFailures() throws Exception {
        String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Wrong email or password.");
    }

    @Test
    void throttlesAnEmailAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < SignInThrottle.EMAIL_FAILURES_BEFORE_LOCK; i++) {
            assertThat(fixtures.signInResult("owner@shop.test", "wrong guess " + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }

        passwordEncoder.reset();
        MvcResult locked = fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD);
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled");
        assertThat(passwordEncoder.matchesCalls())
                .as("a locked sign-in checks no password")
                .isZero();

        clock.advance(SignInThrottle.FIRST_LOCK.plusSeconds(1));
        assertThat(fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
    }

    @Test
    void throttlesUnknownEmailsJustLikeKnownOnes() throws Exception {
        for (int i = 0; i < SignInThrottle.EMAIL_FAILURES_BEFORE_LOCK; i++) {
            fixtures.signInResult("nobody@shop.test", "wrong guess " + i);
        }

        assertThat(fixtures.signInResult("nobody@shop.test", "another guess")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?throttled");
    }

    @Test
    void lockGrowsWithFurtherFailuresAndAWindowThatPassedStartsOver() {
        assertThat(SignInThrottle.lockFor(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.lockFor(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.lockFor(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.lockFor(30)).isEqualTo(SignInThrottle.LONGEST_LOCK);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        for (int i = 0; i < SignInThrottle.EMAIL_FAILURES_BEFORE_LOCK - 1; i++) {
            fixtures.signInResult("owner@shop.test", "wrong guess " + i);
        }
        clock.advance(SignInThrottle.WINDOW.plusMinutes(1));
        fixtures.signInResult("owner@shop.test", "one more wrong guess");

        assertThat(fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/console");
    }

    @Test
    void throttlesOneClientAddressThatTriesManyEmails() throws Exception {
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES_BEFORE_LOCK; i++) {
            fixtures.signInResult("guess" + i + "@shop.test", "wrong");
        }

        assertThat(fixtures.signInResult("owner@shop.test", AccountFixtures.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?throttled");
    }

    @Test
    void rejectsSignInWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("email", "owner@shop.test").param("password", AccountFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsSignInWithAForgedCsrfToken() throws Exception {
        mvc.perform(post("/login")
                        .with(csrf().useInvalidToken())
                        .param("email", "owner@shop.test")
                        .param("password", AccountFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void rejectsStateChangesWithoutCsrfTokenEvenWhenSignedIn() throws Exception {
        MockHttpSession session = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/console/settings/account")
                        .session(session)
                        .param("name", "Renamed")
                        .param("timezone", "UTC")
                        .param("defaultLanguage", "en"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from account").query(String.class).single())
                .isEqualTo("Shop of owner@shop.test");
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        MockHttpSession session = fixtures.signIn("owner@shop.test");

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));

        mvc.perform(get("/console/inbox").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void recordsTheLastSignIn() throws Exception {
        fixtures.signIn("owner@shop.test");

        assertThat(jdbc.sql("select count(*) from membership where last_sign_in_at is not null")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
