package org.sohbet.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where integration tests keep their PostgreSQL: the embedded server in a fresh data directory under target/, or the
 * server named by SOHBET_TEST_DATABASE_URL (with SOHBET_TEST_DATABASE_USER and SOHBET_TEST_DATABASE_PASSWORD).
 */
public final class TestDatabase {

    private static Path dataDirectory;

    private TestDatabase() {}

    /** Spring properties pointing the application at the test database. */
    public static synchronized Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sohbet.data-dir", dataDirectory().toString());
        // Tests run the routing sweep themselves, at the moment they choose (RoutingSweep).
        properties.put("sohbet.routing.sweep-millis", "3600000");
        String url = System.getenv("SOHBET_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            properties.put("sohbet.database.url", url);
            properties.put("sohbet.database.user", System.getenv().getOrDefault("SOHBET_TEST_DATABASE_USER", ""));
            properties.put(
                    "sohbet.database.password", System.getenv().getOrDefault("SOHBET_TEST_DATABASE_PASSWORD", ""));
        }
        return properties;
    }

    public static synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            try {
                Path root = Path.of("target", "test-data").toAbsolutePath();
                Files.createDirectories(root);
                dataDirectory = Files.createTempDirectory(root, "it-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dataDirectory;
    }

    /** A data directory of its own, for tests that start and stop the whole application themselves. */
    public static Path freshDataDirectory(String prefix) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
