package org.sohbet.helpcenter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public help center is open to everyone and needs no session: no sign-in, no cookie, and no script at all, so
 * its policy forbids every script. A vote is an anonymous counter, so there is no session for CSRF to protect.
 */
@Configuration(proxyBeanMethods = false)
class HelpCenterConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; style-src 'self';"
            + " img-src 'self' https: data:; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'self'";

    @Bean
    @Order(20)
    SecurityFilterChain helpCenterSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/help/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
