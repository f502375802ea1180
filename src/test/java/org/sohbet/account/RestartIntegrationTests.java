package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.ApplicationProcess;
import org.sohbet.shared.HttpForms;
import org.sohbet.shared.TestDatabase;

/**
 * The whole product as a user runs it: a process on the embedded database, configured by environment variables,
 * stopped with SIGTERM and started again on the same data directory.
 */
class RestartIntegrationTests {

    @Test
    void seededOwnerSignsInAcrossARestartAndNoPostgresIsLeftBehind() throws Exception {
        Path dataDir = TestDatabase.freshDataDirectory("restart-");
        Map<String, String> environment = Map.of(
                "SOHBET_DATA_DIR", dataDir.toString(),
                "SOHBET_ADMIN_EMAIL", "owner@shop.test",
                "SOHBET_ADMIN_PASSWORD", "correct horse battery");

        try (ApplicationProcess first = ApplicationProcess.start(environment)) {
            first.awaitHealthy(Duration.ofSeconds(120));
            assertThat(signIn(first.port(), "owner@shop.test", "correct horse battery"))
                    .isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isTrue();
            assertThat(ApplicationProcess.postgresProcessesOf(dataDir)).isNotEmpty();
            first.stop();
        }
        assertThat(ApplicationProcess.postgresProcessesOf(dataDir))
                .as("postgres stopped with Sohbet")
                .isEmpty();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        // A different admin is ignored now that a user exists; the first owner still signs in.
        Map<String, String> second = Map.of(
                "SOHBET_DATA_DIR", dataDir.toString(),
                "SOHBET_ADMIN_EMAIL", "intruder@shop.test",
                "SOHBET_ADMIN_PASSWORD", "another long password");
        try (ApplicationProcess again = ApplicationProcess.start(second)) {
            again.awaitHealthy(Duration.ofSeconds(60));
            assertThat(signIn(again.port(), "owner@shop.test", "correct horse battery"))
                    .isEqualTo(200);
            assertThat(signIn(again.port(), "intruder@shop.test", "another long password"))
                    .as("the second admin was not created")
                    .isEqualTo(-1);
            assertThat(again.output()).contains("users exist already");
            again.stop();
        }
        assertThat(ApplicationProcess.postgresProcessesOf(dataDir)).isEmpty();
    }

    @Test
    void aPostgresLeftByAKilledProcessIsStoppedAtTheNextStart() throws Exception {
        Path dataDir = TestDatabase.freshDataDirectory("killed-");
        Map<String, String> environment = Map.of("SOHBET_DATA_DIR", dataDir.toString());

        try (ApplicationProcess first = ApplicationProcess.start(environment)) {
            first.awaitHealthy(Duration.ofSeconds(120));
            first.process().destroyForcibly().waitFor();
        }
        assertThat(ApplicationProcess.postgresProcessesOf(dataDir))
                .as("SIGKILL leaves postgres")
                .isNotEmpty();

        try (ApplicationProcess again = ApplicationProcess.start(environment)) {
            again.awaitHealthy(Duration.ofSeconds(60));
            again.stop();
        }
        assertThat(ApplicationProcess.postgresProcessesOf(dataDir)).isEmpty();
    }

    /** Signs in over HTTP and returns the status of /console/inbox, or -1 when the sign-in was refused. */
    private static int signIn(int port, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String form =
                HttpForms.encode("_csrf", HttpForms.csrfToken(login.body()), "email", email, "password", password);
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/console")) {
            return -1;
        }
        String session = posted.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";", 2)[0])
                .orElse(cookie);
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + "/console/inbox"))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
