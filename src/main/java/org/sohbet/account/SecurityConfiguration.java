package org.sohbet.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.sohbet.shared.web.ConsolePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Form sign-in for the console, CSRF on every state change, and strict response headers (ADR 0007). */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            AccountRepository repository,
            SecurityContextRepository contextRepository,
            SessionSignIn sessions)
            throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(
                AgentAuthenticationProvider.SignInThrottledException.class.getName(), "/login?throttled",
                DisabledException.class.getName(), "/login?disabled"));

        RequestMatcher htmx = (HttpServletRequest request) -> request.getHeader("HX-Request") != null;

        http.securityContext(context -> context.securityContextRepository(contextRepository))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/setup",
                                "/invite/**",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(
                                "/console/settings/account/**",
                                "/console/settings/agents/**",
                                "/console/settings/inboxes/**",
                                "/console/settings/teams/**",
                                "/console/settings/labels/**",
                                "/console/settings/replies/**",
                                "/console/settings/shop/**",
                                "/console/settings/sellers/**")
                        .hasAnyRole(Role.OWNER.name(), Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/console", false)
                        .failureHandler(failures))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(exceptions -> exceptions
                        // htmx cannot follow a redirect to a full page inside a fragment; a 401 lets the page reload.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), htmx)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(ConsolePolicy.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // DENY unless a response framed by the console itself said SAMEORIGIN (a split-view pane,
                        // ADR 0038; a mail's frame): the stock writer would overwrite it. Headers are written on
                        // commit.
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader("X-Frame-Options")) {
                                response.setHeader("X-Frame-Options", "DENY");
                            }
                        }))
                .addFilterBefore(new AgentSessionFilter(repository, sessions), AuthorizationFilter.class);
        return http.build();
    }
}
