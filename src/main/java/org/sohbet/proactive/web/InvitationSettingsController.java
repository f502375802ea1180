package org.sohbet.proactive.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sohbet.account.SignedInAgent;
import org.sohbet.proactive.ChatInvitations;
import org.sohbet.proactive.InvitationProblem;
import org.sohbet.proactive.InvitationRule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, ChatInvitations: proactive rules per website inbox with their fired and converted counts. Admins only. */
@Controller
class InvitationSettingsController {

    static final List<String> LANGUAGES = List.of("en", "fa", "ar", "tr", "bg");

    private final ChatInvitations invitations;

    InvitationSettingsController(ChatInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/console/settings/invitations")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("reports", invitations.report(agent));
        return "proactive/invitations";
    }

    @GetMapping("/console/settings/invitations/new")
    String create(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        List<org.sohbet.conversation.Inbox> inboxes = invitations.inboxes(agent);
        InvitationRule blank = new InvitationRule(
                0,
                inboxes.isEmpty() ? 0 : inboxes.getFirst().id(),
                "",
                true,
                List.of(),
                0,
                0,
                null,
                null,
                Set.of(),
                "any",
                Map.of(),
                1,
                60);
        return form(agent, blank, Map.of(), model);
    }

    @GetMapping("/console/settings/invitations/{id}")
    String edit(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        return form(agent, invitations.find(agent, id), Map.of(), model);
    }

    @PostMapping("/console/settings/invitations")
    String saveNew(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(agent, 0, form, model, redirect, response);
    }

    @PostMapping("/console/settings/invitations/{id}")
    String saveExisting(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        invitations.find(agent, id);
        return save(agent, id, form, model, redirect, response);
    }

    @PostMapping("/console/settings/invitations/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        invitations.delete(agent, id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/console/settings/invitations";
    }

    private String save(
            SignedInAgent agent,
            long id,
            MultiValueMap<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            messages.put(language, value(form, "message_" + language));
        }
        String step = value(form, "step");
        String cart = value(form, "cart");
        Double minCart = null;
        if (!cart.isBlank()) {
            try {
                minCart = Double.valueOf(cart.strip());
            } catch (NumberFormatException e) {
                errors.put("cart", "proactive.error.cart");
            }
        }
        Integer inbox = number(value(form, "inbox"), "inbox", "proactive.error.inbox", errors);
        Integer seconds = number(value(form, "seconds"), "seconds", "proactive.error.seconds", errors);
        Integer pages = number(value(form, "pages"), "pages", "proactive.error.pages", errors);
        Integer max = number(value(form, "max"), "max", "proactive.error.max", errors);
        Integer cooldown = number(value(form, "cooldown"), "cooldown", "proactive.error.cooldown", errors);
        InvitationRule rule = new InvitationRule(
                id,
                inbox == null ? 0 : inbox,
                value(form, "name"),
                "on".equals(value(form, "enabled")) || "true".equals(value(form, "enabled")),
                Arrays.stream(value(form, "urls").split("\\R")).toList(),
                seconds == null ? 0 : seconds,
                pages == null ? 0 : pages,
                minCart,
                step.isBlank() || "any".equals(step) ? null : step,
                Arrays.stream(value(form, "languages").split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                value(form, "returning").isBlank() ? "any" : value(form, "returning"),
                messages,
                max == null ? 0 : max,
                cooldown == null ? 0 : cooldown);
        if (errors.isEmpty()) {
            try {
                invitations.save(agent, rule);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/console/settings/invitations";
            } catch (InvitationProblem problem) {
                errors.put(problem.field(), problem.code());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(agent, rule, errors, model);
    }

    private String form(SignedInAgent agent, InvitationRule rule, Map<String, String> errors, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("inboxes", invitations.inboxes(agent));
        model.addAttribute("errors", errors);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("urls", String.join("\n", rule.urlPatterns()));
        model.addAttribute("ruleLanguages", String.join(", ", rule.languages()));
        return "proactive/invitation-form";
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static Integer number(String text, String field, String code, Map<String, String> errors) {
        if (text.isBlank()) {
            return 0;
        }
        if (!text.strip().matches("-?\\d{1,9}")) {
            errors.put(field, code);
            return null;
        }
        return Integer.valueOf(text.strip());
    }
}
