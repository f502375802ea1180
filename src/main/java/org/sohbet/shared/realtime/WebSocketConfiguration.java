package org.sohbet.shared.realtime;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Plain WebSockets (ADR 0012). Modules add their endpoints with a {@code WebSocketConfigurer} bean. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration {

    /**
     * Tomcat allocates each socket's message buffers up front, two bytes per character: a 64 KiB buffer cost 128 KiB
     * per idle visitor. Handlers take messages in parts of this size and join them ({@link FrameAssembler}).
     */
    static final int READ_BUFFER_CHARS = 2048;

    /** Sohbet accepts no binary frames; this only bounds what an unexpected one may cost. */
    static final int BINARY_BUFFER_BYTES = 256;

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(READ_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        // Clients ping every 25 s; a socket silent for two minutes is gone.
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }

    /** Smaller per-connection network buffers: most of Sohbet's connections are idle widget sockets. */
    @Bean
    TomcatConnectorCustomizer smallConnectionBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        };
    }
}
