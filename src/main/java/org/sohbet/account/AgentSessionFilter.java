package org.sohbet.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks a signed-in session on every request, in one primary-key query: a disabled membership, or a password
 * changed after this session signed in, ends the session at once. It also carries the agent's language, formats and
 * current role into the request.
 */
class AgentSessionFilter extends OncePerRequestFilter {

    private final AccountRepository repository;
    private final SessionSignIn sessions;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AgentSessionFilter(AccountRepository repository, SessionSignIn sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    /** Stylesheets, scripts and icons are public and say nothing about the session: no query for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent) {
            Optional<AccountRepository.SessionState> state =
                    repository.findSessionState(agent.accountId(), agent.agentId());
            if (state.isEmpty() || !state.get().admits(agent)) {
                end(request);
            } else {
                apply(state.get(), agent, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.setAttribute(SESSION_ENDED, Boolean.TRUE);
    }

    private void apply(
            AccountRepository.SessionState state,
            SignedInAgent agent,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (state.role() != agent.role()) {
            sessions.store(
                    new SignedInAgent(agent.agentId(), agent.accountId(), state.role(), agent.signedInAt()),
                    request,
                    response);
        }
        state.language().ifPresent(language -> request.setAttribute(SohbetLocaleResolver.AGENT_LANGUAGE, language));
        request.setAttribute(FormatPreferences.REQUEST_ATTRIBUTE, state.formats());
        request.setAttribute(
                ConsoleAgent.ATTRIBUTE, new ConsoleAgent(state.displayName(), state.accountName(), state.role()));
    }

    static final String SESSION_ENDED = AgentSessionFilter.class.getName() + ".SESSION_ENDED";
}
