package org.sohbet.conversation.web;

import org.sohbet.shared.realtime.Sockets;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

@Configuration(proxyBeanMethods = false)
class ConversationWebConfiguration {

    /** Files are reached by signed links, from the widget (no cookie) and the console alike. */
    @Bean
    @Order(11)
    SecurityFilterChain fileSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/files/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The agent socket rides on the console session; the console's security chain requires it at the handshake. */
    @Bean
    WebSocketConfigurer agentSocket(AgentSocketHandler handler, PublicAddress address) {
        return registry -> registry.addHandler(handler, "/ws/agent")
                .addInterceptors(Sockets.sameOrigin(address))
                .setAllowedOriginPatterns("*");
    }
}
