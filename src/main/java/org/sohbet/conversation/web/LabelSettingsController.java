package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.Labels;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, Labels: the account's labels with their colours. Owners and admins only. */
@Controller
class LabelSettingsController {

    static final String DEFAULT_COLOR = "#6b7280";

    private final Labels labels;

    LabelSettingsController(Labels labels) {
        this.labels = labels;
    }

    @GetMapping("/console/settings/labels")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        SettingsForms.requireManager(agent);
        return page(agent, model);
    }

    @PostMapping("/console/settings/labels")
    String create(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String color,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        // The colour input always sends #rrggbb; anything else did not come from it, and says so at that field.
        if (!color.isBlank() && !color.strip().matches("#[0-9a-fA-F]{6}")) {
            SettingsForms.show("color", "settingsRouting.error.color", model, response);
        } else {
            try {
                labels.create(agent, name, color);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/console/settings/labels";
            } catch (ConversationProblem problem) {
                SettingsForms.show(
                        "name",
                        "label_taken".equals(problem.code())
                                ? "chat.error.label_taken"
                                : "settingsRouting.error.labelName",
                        model,
                        response);
            }
        }
        model.addAttribute("name", name);
        model.addAttribute("color", color.isBlank() ? DEFAULT_COLOR : color);
        return page(agent, model);
    }

    @PostMapping("/console/settings/labels/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        SettingsForms.requireManager(agent);
        labels.delete(agent, id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/console/settings/labels";
    }

    private String page(SignedInAgent agent, Model model) {
        SettingsForms.none(model);
        model.addAttribute("labels", labels.list(agent.accountId()));
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
            model.addAttribute("color", DEFAULT_COLOR);
        }
        return "conversation/labels-settings";
    }
}
