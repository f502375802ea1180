package org.sohbet.livechat;

import org.sohbet.shared.realtime.Sockets;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

/**
 * The widget's endpoints are public and cookieless: a visitor proves itself with its token, not a session, so there is
 * no CSRF to guard against. Frames may be embedded only by the inbox's domains, which the frame controller sets per
 * inbox.
 */
@Configuration(proxyBeanMethods = false)
class LivechatConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain widgetSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/widget.js", "/widget/**", "/ws/visitor", "/demo", "/demo/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WidgetController.DEFAULT_CSP)));
        return http.build();
    }

    @Bean
    WebSocketConfigurer visitorSocket(VisitorSocketHandler handler, PublicAddress address) {
        return registry -> registry.addHandler(handler, "/ws/visitor")
                .addInterceptors(Sockets.sameOrigin(address))
                .setAllowedOriginPatterns("*");
    }
}
