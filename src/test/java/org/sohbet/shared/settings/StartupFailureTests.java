package org.sohbet.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.ApplicationProcess;
import org.sohbet.shared.TestDatabase;

/** A bad setting stops Sohbet with one message naming the variable, and a non-zero exit code. */
class StartupFailureTests {

    @Test
    void malformedDatabaseUrl() throws Exception {
        assertFailsNaming(
                Map.of("SOHBET_DATABASE_URL", "mysql://127.0.0.1/sohbet"),
                "SOHBET_DATABASE_URL",
                "PostgreSQL JDBC URL");
    }

    @Test
    void unreachableDatabase() throws Exception {
        assertFailsNaming(
                Map.of("SOHBET_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/sohbet"),
                "SOHBET_DATABASE_URL",
                "cannot connect");
    }

    @Test
    void dataDirectoryThatCannotBeWritten() throws Exception {
        Path file =
                Files.writeString(TestDatabase.freshDataDirectory("blocked-").resolve("not-a-directory"), "x");

        assertFailsNaming(Map.of("SOHBET_DATA_DIR", file.resolve("data").toString()), "SOHBET_DATA_DIR", "write");
    }

    @Test
    void adminEmailWithoutPassword() throws Exception {
        assertFailsNaming(Map.of("SOHBET_ADMIN_EMAIL", "owner@shop.test"), "SOHBET_ADMIN_PASSWORD", "must be set too");
    }

    @Test
    void portInUseStopsTheEmbeddedDatabaseThatWasStartingAlready() throws Exception {
        Path dataDir = TestDatabase.freshDataDirectory("port-");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ApplicationProcess app = ApplicationProcess.start(Map.of(
                        "SOHBET_DATA_DIR", dataDir.toString(), "SERVER_PORT", String.valueOf(taken.getLocalPort())))) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains(String.valueOf(taken.getLocalPort()));
        }
        assertThat(ApplicationProcess.postgresProcessesOf(dataDir))
                .as("no PostgreSQL left behind")
                .isEmpty();
    }

    private static void assertFailsNaming(Map<String, String> settings, String variable, String explanation)
            throws Exception {
        var environment = new java.util.HashMap<>(settings);
        environment.putIfAbsent(
                "SOHBET_DATA_DIR", TestDatabase.freshDataDirectory("fail-").toString());
        try (ApplicationProcess app = ApplicationProcess.start(environment)) {
            int exit = app.awaitExit(Duration.ofSeconds(90));
            String output = app.output();

            assertThat(exit).as(output).isNotZero();
            assertThat(output)
                    .contains("Sohbet cannot start: the setting " + variable + " is not usable.")
                    .contains(explanation);
            Path dataDir = Path.of(environment.get("SOHBET_DATA_DIR"));
            assertThat(ApplicationProcess.postgresProcessesOf(dataDir))
                    .as("no PostgreSQL left behind")
                    .isEmpty();
        }
    }
}
