package org.sohbet.shared.database;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the bean definitions are known, so that it boots while
 * Spring creates the web server and the other beans; about a second less from start to ready on two cores. Anything
 * unusual (an external database, a setting that does not bind) leaves the start to {@link DatabaseConfiguration},
 * which reports problems the usual way.
 */
class EarlyDatabaseStart implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private Environment environment;
    private volatile CompletableFuture<EmbeddedDatabaseServer> starting;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Optional<SohbetSettings> settings;
        try {
            var bound = Binder.get(environment).bind("sohbet", SohbetSettings.class);
            settings = bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
        } catch (RuntimeException e) {
            return;
        }
        if (settings.isEmpty() || settings.get().database().isExternal()) {
            return;
        }
        SohbetSettings found = settings.get();
        starting = CompletableFuture.supplyAsync(
                () -> EmbeddedDatabaseServer.start(found.dataDirectory()),
                runnable -> Thread.ofPlatform().name("embedded-postgres-start").start(runnable));
    }

    /** The server started early, if it was; waits for it to finish starting. */
    Optional<EmbeddedDatabaseServer> server() {
        if (starting == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(starting.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Stops the server when start-up fails before the database bean took it over (a port in use, say), so no
     * PostgreSQL is left running. Closing twice is harmless.
     */
    @Override
    public void destroy() {
        if (starting != null) {
            starting.thenAccept(EmbeddedDatabaseServer::close)
                    .exceptionally(e -> null)
                    .join();
        }
    }
}
