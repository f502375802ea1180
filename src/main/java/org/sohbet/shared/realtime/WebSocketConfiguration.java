package org.sohbet.shared.realtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Plain WebSockets (ADR 0012). Modules add their endpoints with a {@code WebSocketConfigurer} bean. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration {

    /** A frame larger than this closes the socket with 1009 (message too big). */
    static final int MAX_FRAME = 64 * 1024;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_FRAME);
        container.setMaxBinaryMessageBufferSize(1024);
        // Clients ping every 25 s; a socket silent for two minutes is gone.
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }
}
