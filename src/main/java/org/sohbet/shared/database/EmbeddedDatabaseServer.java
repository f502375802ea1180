package org.sohbet.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Sohbet runs itself when no external database is configured (ADR 0004). Its data lives in the
 * data directory and outlives the process.
 */
final class EmbeddedDatabaseServer implements DatabaseServer {

    static final String DATABASE = "sohbet";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabaseServer start(Path dataDirectory) {
        Path pgData = dataDirectory.resolve("postgres");
        stopOrphanedPostmaster(pgData);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(
                            dataDirectory.resolve("runtime").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library is tuned for throwaway test databases and starts PostgreSQL with -F (fsync off).
                    // Options given with -c come after -F, so these win: an acknowledged write must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8")
                    // Spring closes the server after the connection pool and after in-flight requests have
                    // finished; the library's own JVM hook could stop it under a request that is still committing.
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(postgres);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL is running on 127.0.0.1:{} with its data in {}", postgres.getPort(), pgData);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL in " + pgData + " did not start", e);
        }
    }

    /**
     * A JVM that was killed can leave its postmaster running; a new one on the same data directory would then refuse
     * to start. PostgreSQL's lock file names the process, so stop it when it is still there.
     */
    static void stopOrphanedPostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            orphan = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        orphan.ifPresent(process -> {
            log.warn("Stopping PostgreSQL process {} left over from an earlier run", process.pid());
            // SIGTERM is PostgreSQL's smart shutdown; the dead JVM's connections are gone, so it finishes promptly.
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database in the embedded PostgreSQL", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.error("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
