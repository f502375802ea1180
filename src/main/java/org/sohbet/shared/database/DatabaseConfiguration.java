package org.sohbet.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the embedded or the external PostgreSQL from the settings and connects a pool to it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SohbetSettings.class)
class DatabaseConfiguration {

    @Bean
    static EarlyDatabaseStart earlyDatabaseStart() {
        return new EarlyDatabaseStart();
    }

    @Bean
    DatabaseServer databaseServer(SohbetSettings settings, EarlyDatabaseStart early) {
        var database = settings.database();
        if (database.isExternal()) {
            // Checked whichever database is used: uploads and the search index live there too. The embedded start
            // checks it on its way.
            settings.dataDirectory();
            return DatabaseServer.external(database.url(), database.user(), database.password());
        }
        return early.server().orElseGet(() -> EmbeddedDatabaseServer.start(settings.dataDirectory()));
    }

    /** Closed before the server, because it depends on it. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        return dataSource;
    }
}
