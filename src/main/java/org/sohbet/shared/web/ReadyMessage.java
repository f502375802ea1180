package org.sohbet.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Sohbet where to open it, once it is ready. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final SohbetSettings settings;
    private final Environment environment;

    ReadyMessage(SohbetSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String url = settings.publicBaseUrl()
                .map(Object::toString)
                .orElseGet(() -> "http://localhost:" + environment.getProperty("local.server.port", "8080"));
        String base = url.replaceAll("/+$", "");
        log.info(
                "Sohbet is ready. Open {}/console (the first visit leads to setup), and {}/demo to chat with yourself.",
                base,
                base);
    }
}
