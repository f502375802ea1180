package org.sohbet.shared.settings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings users give through environment variables. Each problem is reported with the variable's name, because
 * that is what a person edits.
 */
@ConfigurationProperties("sohbet")
public record SohbetSettings(String dataDir, String baseUrl, Database database, Admin admin) {

    public SohbetSettings {
        dataDir = blankToNull(dataDir);
        baseUrl = blankToNull(baseUrl);
        database = database == null ? new Database(null, null, null) : database;
        admin = admin == null ? new Admin(null, null) : admin;
        if (dataDir == null) {
            dataDir = "./data";
        }
        if (baseUrl != null) {
            checkBaseUrl(baseUrl);
        }
    }

    /** The external database, when SOHBET_DATABASE_URL is set. */
    public record Database(String url, String user, String password) {

        public Database {
            url = blankToNull(url);
            user = blankToNull(user);
            if (url != null && !url.startsWith("jdbc:postgresql://")) {
                throw new InvalidSettingException(
                        "SOHBET_DATABASE_URL",
                        "It must be a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/sohbet, but it is '"
                                + redact(url) + "'.");
            }
            if (url != null) {
                URI parsed;
                try {
                    parsed = new URI(url.substring("jdbc:".length()));
                } catch (URISyntaxException e) {
                    throw new InvalidSettingException(
                            "SOHBET_DATABASE_URL", "It is not a well-formed URL: " + e.getMessage(), e);
                }
                if (parsed.getHost() == null || parsed.getHost().isBlank()) {
                    throw new InvalidSettingException(
                            "SOHBET_DATABASE_URL",
                            "It names no host; write it as jdbc:postgresql://HOST:PORT/DATABASE.");
                }
            }
        }

        public boolean isExternal() {
            return url != null;
        }

        @Override
        public String toString() {
            return "Database[url=" + (url == null ? "embedded" : redact(url)) + ", user=" + user + "]";
        }
    }

    /** The first owner, created at start-up only while no user exists. */
    public record Admin(String email, String password) {

        public Admin {
            email = blankToNull(email);
            password = password == null || password.isEmpty() ? null : password;
        }

        @Override
        public String toString() {
            return "Admin[email=" + email + "]";
        }
    }

    /**
     * The data directory, created if missing. Fails with the variable's name when it cannot be created or written,
     * because everything stored by Sohbet lives there.
     */
    public Path dataDirectory() {
        Path path = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new InvalidSettingException(
                    "SOHBET_DATA_DIR",
                    "Sohbet needs a directory it can write to, and cannot write to " + path + " (" + e + ").",
                    e);
        }
        return path;
    }

    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(baseUrl).map(URI::create);
    }

    private static void checkBaseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSettingException(
                        "SOHBET_BASE_URL",
                        "It must be an absolute http or https URL such as https://support.example.com, but it is '"
                                + value + "'.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("SOHBET_BASE_URL", "It is not a well-formed URL: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
