package org.sohbet.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
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

    @Autowired
    protected ApplicationContext applicationContext;

    @LocalServerPort
    protected int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * A GET over real HTTP, for what MockMvc does not model: error pages (the container's error dispatch) and headers
     * written by the servlet container. Headers are given as name, value, name, value.
     */
    protected HttpResponse<String> httpGet(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
        // The fake shop APIs of the shop module's tests listen on loopback; a short deadline keeps the slow case short.
        registry.add("sohbet.shop.private-hosts", () -> "127.0.0.1");
        registry.add("sohbet.shop.timeout", () -> "1s");
        // The fake chat-completions server of the help center's tests also listens on loopback.
        registry.add("sohbet.help.model-private-hosts", () -> "127.0.0.1");
    }

    @BeforeEach
    void emptyTables() {
        List<String> tables = jdbc.sql("""
                        select quote_ident(tablename) from pg_tables
                        where schemaname = current_schema() and tablename <> 'flyway_schema_history'""").query(String.class).list();
        if (!tables.isEmpty()) {
            // Background work of the previous test (a routing drain, a socket closing) may still hold row locks.
            for (int attempt = 1; ; attempt++) {
                try {
                    jdbc.sql("truncate table " + String.join(", ", tables) + " restart identity cascade")
                            .update();
                    break;
                } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
                    if (attempt == 5) {
                        throw busy;
                    }
                }
            }
        }
        clock.reset();
        passwordEncoder.reset();
        // In-memory abuse limits count per address, and every test comes from 127.0.0.1.
        if (applicationContext.containsBean("rateLimits")) {
            ReflectionTestUtils.invokeMethod(applicationContext.getBean("rateLimits"), "reset");
        }
        // What routing, access and the widget's open check keep for a second is keyed by ids that start again.
        org.sohbet.shared.cache.BriefCache.clearEverywhere();
        for (String bean : List.of("routing", "inboxes", "access", "orders")) {
            if (applicationContext.containsBean(bean)) {
                ReflectionTestUtils.invokeMethod(applicationContext.getBean(bean), "forgetAll");
            }
        }
        // The help center's search index lives beside the database; after the truncation it must be empty too.
        if (applicationContext.containsBean("searchIndexer")) {
            ReflectionTestUtils.invokeMethod(applicationContext.getBean("searchIndexer"), "rebuild");
        }
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
