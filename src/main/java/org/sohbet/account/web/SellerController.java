package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.Role;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Team;
import org.sohbet.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, Sellers: the marketplace's sellers, their keys and their agents. Owners and admins only (ADR 32). */
@Controller
class SellerController {

    private static final String VIEW = "account/sellers";
    private static final String HOME = "redirect:/console/settings/sellers";

    private final Sellers sellers;
    private final Team team;

    SellerController(Sellers sellers, Team team) {
        this.sellers = sellers;
        this.team = team;
    }

    @GetMapping("/console/settings/sellers")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        return page(agent, null, model);
    }

    @GetMapping("/console/settings/sellers/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        Seller seller = sellers.find(agent.accountId(), id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", new FormValues(seller.name(), seller.key(), seller.active(), ids(seller.members())));
        return page(agent, seller, model);
    }

    @PostMapping("/console/settings/sellers")
    String create(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(name = "member", required = false) List<Long> members,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            sellers.create(agent, new Sellers.SellerForm(name, key, active, agentIds(members)));
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (AccountProblem problem) {
            model.addAttribute("form", new FormValues(name, key, active, chosen(members)));
            FormErrors.show(problem, model, VIEW, response);
            return page(agent, null, model);
        }
    }

    @PostMapping("/console/settings/sellers/{id}")
    String update(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(name = "member", required = false) List<Long> members,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Seller seller = sellers.find(agent.accountId(), id).orElseThrow(NotFoundException::new);
        try {
            sellers.update(agent, id, new Sellers.SellerForm(name, key, active, agentIds(members)));
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (AccountProblem problem) {
            model.addAttribute("form", new FormValues(name, key, active, chosen(members)));
            FormErrors.show(problem, model, VIEW, response);
            return page(agent, seller, model);
        }
    }

    /** What the form shows: the stored seller, or what was typed when it was refused. */
    record FormValues(String name, String key, boolean active, Set<Long> members) {}

    private String page(SignedInAgent agent, Seller editing, Model model) {
        FormErrors.none(model);
        List<Membership> members = team.members(agent.accountId());
        model.addAttribute("sellers", sellers.list(agent.accountId()));
        // Only plain agents can work for a seller: owners and admins are the operator's and see everything.
        model.addAttribute(
                "agents", members.stream().filter(m -> m.role() == Role.AGENT).toList());
        model.addAttribute(
                "agentNames",
                members.stream().collect(Collectors.toMap(m -> m.agentId().value(), Membership::displayName)));
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormValues("", "", true, Set.of()));
        }
        return VIEW;
    }

    private static Set<AgentId> agentIds(List<Long> ids) {
        Set<AgentId> result = new LinkedHashSet<>();
        if (ids != null) {
            ids.forEach(id -> result.add(new AgentId(id)));
        }
        return result;
    }

    private static Set<Long> chosen(List<Long> ids) {
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    private static Set<Long> ids(Set<AgentId> agents) {
        Set<Long> result = new LinkedHashSet<>();
        agents.forEach(a -> result.add(a.value()));
        return result;
    }
}
