package org.sohbet.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs an agent in after setup, an accepted invitation or a password change, with a fresh session id. */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository;

    SessionSignIn(SecurityContextRepository repository) {
        this.repository = repository;
    }

    public void signIn(SignedInAgent agent, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        store(agent, request, response);
    }

    /** Puts the principal into the current request and its session, keeping the session id. */
    void store(SignedInAgent agent, HttpServletRequest request, HttpServletResponse response) {
        var holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(AgentAuthenticationProvider.authenticated(agent));
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
