package org.sohbet.shared;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application on a real PostgreSQL (see {@link TestDatabase}), with a movable clock. Every test starts on
 * empty tables. All subclasses share one Spring context, so the database starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(PostgresIntegrationTest.TestBeans.class)
public abstract class PostgresIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected CountingPasswordEncoder passwordEncoder;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void emptyTables() {
        List<String> tables = jdbc.sql("""
                        select quote_ident(tablename) from pg_tables
                        where schemaname = current_schema() and tablename <> 'flyway_schema_history'""").query(String.class).list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate table " + String.join(", ", tables) + " restart identity cascade")
                    .update();
        }
        clock.reset();
        passwordEncoder.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestBeans {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        @Primary
        CountingPasswordEncoder countingPasswordEncoder(@Qualifier("passwordEncoder") PasswordEncoder encoder) {
            return new CountingPasswordEncoder(encoder);
        }
    }
}
