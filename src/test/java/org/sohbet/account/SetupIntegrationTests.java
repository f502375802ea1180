package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sohbet.account.events.AccountCreated;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;

@RecordApplicationEvents
class SetupIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    ApplicationEvents events;

    @Test
    void signInPageLeadsToSetupWhileNoUserExists() throws Exception {
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk());
    }

    @Test
    void setupCreatesTheAccountAndItsOwnerAndSignsIn() throws Exception {
        MvcResult result = mvc.perform(post("/setup")
                        .with(csrf())
                        .param("accountName", "Bazaar of Tabriz")
                        .param("displayName", "Leyla")
                        .param("email", "Leyla@Bazaar.test")
                        .param("password", "a long enough password")
                        .param("language", "fa")
                        .param("timezone", "Asia/Tehran"))
                .andExpect(redirectedUrl("/console"))
                .andReturn();

        var account = jdbc.sql("select name, timezone, default_language from account")
                .query()
                .singleRow();
        assertThat(account).containsEntry("name", "Bazaar of Tabriz").containsEntry("timezone", "Asia/Tehran");
        assertThat(account).containsEntry("default_language", "fa");
        assertThat(jdbc.sql("select role from membership m join agent a on a.id = m.agent_id where a.email = ?")
                        .param("leyla@bazaar.test")
                        .query(String.class)
                        .single())
                .isEqualTo("owner");
        assertThat(events.stream(AccountCreated.class)).hasSize(1);

        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(get("/console/inbox").session(session)).andExpect(status().isOk());
    }

    @Test
    void setupIsGoneOnceAnOwnerExists() throws Exception {
        setup.createFirstOwner(owner("first@shop.test"));

        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup")
                        .with(csrf())
                        .param("accountName", "Take-over")
                        .param("displayName", "Mallory")
                        .param("email", "mallory@evil.test")
                        .param("password", "a long enough password")
                        .param("language", "en")
                        .param("timezone", "UTC"))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from agent").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void setupRejectsBadInputWithAClearMessageAndStoresNothing() throws Exception {
        String page = mvc.perform(post("/setup")
                        .with(csrf())
                        .param("accountName", "Shop")
                        .param("displayName", "Owner")
                        .param("email", "owner@shop.test")
                        .param("password", "short")
                        .param("language", "en")
                        .param("timezone", "UTC"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Use at least 10 characters.");
        assertThat(page).contains("value=\"owner@shop.test\"").doesNotContain("value=\"short\"");
        assertThat(jdbc.sql("select count(*) from agent").query(Integer.class).single())
                .isZero();
    }

    @Test
    void setupRejectsAnUnknownTimezoneAndABadEmail() throws Exception {
        mvc.perform(post("/setup")
                        .with(csrf())
                        .param("accountName", "Shop")
                        .param("displayName", "Owner")
                        .param("email", "owner@shop.test")
                        .param("password", "a long enough password")
                        .param("timezone", "Mars/Olympus"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/setup")
                        .with(csrf())
                        .param("accountName", "Shop")
                        .param("displayName", "Owner")
                        .param("email", "not an email")
                        .param("password", "a long enough password")
                        .param("timezone", "UTC"))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single())
                .isZero();
    }

    @Test
    void concurrentSetupsCreateExactlyOneOwner() throws Exception {
        int attempts = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String email = "racer" + i + "@shop.test";
            tasks.add(() -> {
                start.await();
                try {
                    setup.createFirstOwner(owner(email));
                    return true;
                } catch (FirstOwnerSetup.SetupAlreadyDoneException e) {
                    return false;
                }
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            tasks.forEach(task -> results.add(pool.submit(task)));
            start.countDown();
        }
        long winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }

        assertThat(winners).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from agent").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void furtherAccountsCanBeCreatedButNotWithATakenEmail() {
        setup.createFirstOwner(owner("first@shop.test"));
        setup.createAccount(owner("second@shop.test"));

        assertThatThrownBy(() -> setup.createAccount(owner("FIRST@shop.test")))
                .isInstanceOf(AccountProblem.class)
                .hasMessageContaining("validation.emailTaken");
        assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single())
                .isEqualTo(2);
    }

    private static FirstOwnerSetup.NewOwner owner(String email) {
        return new FirstOwnerSetup.NewOwner("Shop", "Owner", email, AccountFixtures.PASSWORD, null, ZoneId.of("UTC"));
    }
}
