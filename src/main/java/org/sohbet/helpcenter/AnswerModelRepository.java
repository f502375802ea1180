package org.sohbet.helpcenter;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code help_answer_model}: one row per account that ever saved the settings; the key stays sealed here. */
@Repository
class AnswerModelRepository {

    /** A row as stored: the key still sealed, or null. */
    record Stored(boolean enabled, String baseUrl, String model, byte[] sealedKey, Duration timeout) {}

    private final JdbcClient jdbc;

    AnswerModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long accountId) {
        return jdbc.sql("""
                        select enabled, base_url, model, api_key, timeout_ms from help_answer_model
                        where account_id = :account""")
                .param("account", accountId)
                .query((row, n) -> new Stored(
                        row.getBoolean("enabled"),
                        row.getString("base_url"),
                        row.getString("model"),
                        row.getBytes("api_key"),
                        Duration.ofMillis(row.getInt("timeout_ms"))))
                .optional();
    }

    void save(long accountId, Stored settings, Instant now) {
        jdbc.sql("""
                        insert into help_answer_model (account_id, enabled, base_url, model, api_key, timeout_ms, updated_at)
                        values (:account, :enabled, :url, :model, :key, :timeout, :now)
                        on conflict (account_id) do update set enabled = excluded.enabled, base_url = excluded.base_url,
                            model = excluded.model, api_key = excluded.api_key, timeout_ms = excluded.timeout_ms,
                            updated_at = excluded.updated_at""")
                .param("account", accountId)
                .param("enabled", settings.enabled())
                .param("url", settings.baseUrl())
                .param("model", settings.model())
                .param("key", settings.sealedKey(), Types.BINARY)
                .param("timeout", (int) settings.timeout().toMillis())
                .param("now", DatabaseTime.of(now))
                .update();
    }
}
