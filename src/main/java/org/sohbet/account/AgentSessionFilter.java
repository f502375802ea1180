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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks a signed-in session on every request, in one primary-key query: a disabled membership, or a password
 * changed after this session signed in, ends the session at once. It also carries the agent's language, formats and
 * current role into the request.
 */
class AgentSessionFilter extends OncePerRequestFilter {

    private final AccountRepository repository;
    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AgentSessionFilter(AccountRepository repository, SecurityContextRepository contextRepository) {
        this.repository = repository;
        this.contextRepository = contextRepository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent) {
            Optional<AccountRepository.SessionState> state =
                    repository.findSessionState(agent.accountId(), agent.agentId());
            if (state.isEmpty()
                    || !state.get().enabled()
                    || agent.signedInAt().isBefore(state.get().credentialsChangedAt())) {
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
            SignedInAgent updated =
                    new SignedInAgent(agent.agentId(), agent.accountId(), state.role(), agent.signedInAt());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(AgentAuthenticationProvider.authenticated(updated));
            holder.setContext(context);
            contextRepository.saveContext(context, request, response);
        }
        state.language().ifPresent(language -> request.setAttribute(SohbetLocaleResolver.AGENT_LANGUAGE, language));
        request.setAttribute(FormatPreferences.REQUEST_ATTRIBUTE, state.formats());
        request.setAttribute(
                ConsoleAgent.ATTRIBUTE, new ConsoleAgent(state.displayName(), state.accountName(), state.role()));
    }

    static final String SESSION_ENDED = AgentSessionFilter.class.getName() + ".SESSION_ENDED";
}
