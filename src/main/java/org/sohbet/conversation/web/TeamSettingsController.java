package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings, Teams: groups of agents, each agent's capacity and the account's auto-away period. It lives here rather
 * than in the account module because capacity and availability belong to routing. Owners and admins only.
 */
@Controller
class TeamSettingsController {

    private static final String VIEW = "conversation/teams-settings";
    private static final String HOME = "redirect:/console/settings/teams";

    private final Teams teams;
    private final Availability availability;

    TeamSettingsController(Teams teams, Availability availability) {
        this.teams = teams;
        this.availability = availability;
    }

    @GetMapping("/console/settings/teams")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        SettingsForms.requireManager(agent);
        return page(agent, null, model);
    }

    @GetMapping("/console/settings/teams/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        SettingsForms.requireManager(agent);
        TeamGroup team = teams.find(agent.accountId(), id).orElseThrow(NotFoundException::new);
        model.addAttribute("teamName", team.name());
        model.addAttribute("chosen", ids(team.members()));
        return page(agent, team, model);
    }

    @PostMapping("/console/settings/teams")
    String create(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "member", required = false) List<Long> members,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        try {
            teams.create(agent, name, agentIds(members));
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (AccountProblem problem) {
            SettingsForms.show(problem.field(), problem.code(), model, response);
            model.addAttribute("teamName", name);
            model.addAttribute("chosen", members == null ? Set.of() : Set.copyOf(members));
            return page(agent, null, model);
        }
    }

    @PostMapping("/console/settings/teams/{id}")
    String update(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "member", required = false) List<Long> members,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        TeamGroup team = teams.find(agent.accountId(), id).orElseThrow(NotFoundException::new);
        try {
            teams.update(agent, id, name, agentIds(members));
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (AccountProblem problem) {
            SettingsForms.show(problem.field(), problem.code(), model, response);
            model.addAttribute("teamName", name);
            model.addAttribute("chosen", members == null ? Set.of() : Set.copyOf(members));
            return page(agent, team, model);
        }
    }

    @PostMapping("/console/settings/teams/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        SettingsForms.requireManager(agent);
        teams.delete(agent, id);
        redirect.addFlashAttribute("deleted", true);
        return HOME;
    }

    @PostMapping("/console/settings/teams/capacity/{agentId}")
    String capacity(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long agentId,
            @RequestParam(defaultValue = "") String maxChats,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        String field = "capacity-" + agentId;
        Integer max = SettingsForms.number(maxChats);
        try {
            if (max == null) {
                throw new ConversationProblem("invalid");
            }
            availability.setCapacity(agent, new AgentId(agentId), max);
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (ConversationProblem problem) {
            SettingsForms.show(field, "settingsRouting.error.capacity", model, response);
            model.addAttribute("capacityInput", Map.of(agentId, maxChats));
            return page(agent, null, model);
        }
    }

    @PostMapping("/console/settings/teams/away")
    String away(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String minutes,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        Integer value = SettingsForms.number(minutes);
        try {
            if (value == null) {
                throw new ConversationProblem("invalid");
            }
            availability.setAwayAfterMinutes(agent, value);
            redirect.addFlashAttribute("saved", true);
            return HOME;
        } catch (ConversationProblem problem) {
            SettingsForms.show("awayAfter", "settingsRouting.error.awayAfter", model, response);
            model.addAttribute("awayAfter", minutes);
            return page(agent, null, model);
        }
    }

    private String page(SignedInAgent agent, TeamGroup editing, Model model) {
        SettingsForms.none(model);
        List<Availability.AgentState> states = availability.team(agent.accountId());
        model.addAttribute("teams", teams.list(agent.accountId()));
        model.addAttribute("agents", states);
        model.addAttribute(
                "agentNames",
                states.stream()
                        .collect(
                                java.util.stream.Collectors.toMap(s -> s.agent().value(), s -> s.name())));
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("teamName")) {
            model.addAttribute("teamName", "");
        }
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", Set.of());
        }
        if (!model.containsAttribute("capacityInput")) {
            model.addAttribute("capacityInput", Map.of());
        }
        if (!model.containsAttribute("awayAfter")) {
            model.addAttribute("awayAfter", String.valueOf(availability.awayAfterMinutes(agent.accountId())));
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

    private static Set<Long> ids(Set<AgentId> agents) {
        Set<Long> result = new LinkedHashSet<>();
        agents.forEach(a -> result.add(a.value()));
        return result;
    }
}
