package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.AgentId;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Team;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team page: agents, their roles and status, and invitation links. Owners and admins only. */
@Controller
class TeamController {

    private final Team team;
    private final Invitations invitations;
    private final PublicAddress address;

    TeamController(Team team, Invitations invitations, PublicAddress address) {
        this.team = team;
        this.invitations = invitations;
        this.address = address;
    }

    @GetMapping("/console/settings/agents")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return page(agent, model);
    }

    @PostMapping("/console/settings/agents/invitations")
    String invite(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "AGENT") String role,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Role invited;
            try {
                invited = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new AccountProblem("role", "validation.choice");
            }
            var created = invitations.invite(agent, email, invited);
            // The link is shown once; only its hash is stored.
            redirect.addFlashAttribute("inviteLink", link(created.token()));
            redirect.addFlashAttribute("invitedEmail", created.email());
            return "redirect:/console/settings/agents";
        } catch (AccountProblem problem) {
            model.addAttribute("email", email);
            FormErrors.show(problem, model, "account/team", response);
            return page(agent, model);
        }
    }

    @PostMapping("/console/settings/agents/invitations/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id) {
        invitations.revoke(agent, id);
        return "redirect:/console/settings/agents";
    }

    @PostMapping({"/console/settings/agents/{agentId}/disable", "/console/settings/agents/{agentId}/enable"})
    String setEnabled(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long agentId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            jakarta.servlet.http.HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        boolean enable = request.getRequestURI().endsWith("/enable");
        try {
            var member = team.setEnabled(agent, new AgentId(agentId), enable);
            if (htmx != null) {
                model.addAttribute("member", member);
                model.addAttribute("me", agent);
                return "account/team-row :: member-row";
            }
            return "redirect:/console/settings/agents";
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", java.util.Map.of(problem.field(), problem.code()));
            return page(agent, model);
        }
    }

    private String page(SignedInAgent agent, Model model) {
        FormErrors.none(model);
        model.addAttribute("members", team.members(agent.accountId()));
        model.addAttribute("pending", invitations.pending(agent.accountId()));
        model.addAttribute("me", agent);
        model.addAttribute(
                "invitableRoles",
                java.util.Arrays.stream(Role.values())
                        .filter(agent.role()::manages)
                        .toList());
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        return "account/team";
    }

    private String link(String token) {
        return address.base() + "/invite/" + token;
    }
}
