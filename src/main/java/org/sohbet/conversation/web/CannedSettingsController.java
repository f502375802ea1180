package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.CannedResponses;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings, Saved replies: canned responses by shortcut and language. Saving a shortcut and language that exist
 * replaces the text. Owners and admins only.
 */
@Controller
class CannedSettingsController {

    private static final String HOME = "redirect:/console/settings/replies";

    private final CannedResponses canned;

    CannedSettingsController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping("/console/settings/replies")
    String list(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) Long edit,
            Locale locale,
            Model model) {
        SettingsForms.requireManager(agent);
        if (edit != null) {
            CannedResponses.Canned chosen = canned.list(agent.accountId()).stream()
                    .filter(c -> c.id() == edit)
                    .findFirst()
                    .orElseThrow(NotFoundException::new);
            model.addAttribute("editing", chosen.id());
            model.addAttribute("shortcut", chosen.shortcut());
            model.addAttribute("language", chosen.language().tag());
            model.addAttribute("body", chosen.body());
        }
        return page(agent, locale, model);
    }

    @PostMapping("/console/settings/replies")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String shortcut,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String body,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        Language chosen = Language.fromTag(language).orElse(null);
        if (chosen == null) {
            SettingsForms.show("language", "validation.choice", model, response);
        } else {
            try {
                canned.save(agent, shortcut, chosen, body);
                redirect.addFlashAttribute("saved", true);
                return HOME;
            } catch (ConversationProblem problem) {
                if ("shortcut".equals(problem.code())) {
                    SettingsForms.show("shortcut", "chat.error.shortcut", model, response);
                } else {
                    SettingsForms.show("body", "settingsRouting.error.replyBody", model, response);
                }
            }
        }
        model.addAttribute("shortcut", shortcut);
        model.addAttribute("language", language);
        model.addAttribute("body", body);
        return page(agent, locale, model);
    }

    @PostMapping("/console/settings/replies/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        SettingsForms.requireManager(agent);
        canned.delete(agent, id);
        redirect.addFlashAttribute("deleted", true);
        return HOME;
    }

    private String page(SignedInAgent agent, Locale locale, Model model) {
        SettingsForms.none(model);
        model.addAttribute("replies", canned.list(agent.accountId()));
        model.addAttribute("languages", Language.values());
        model.addAttribute("contactPlaceholder", CannedResponses.CONTACT_NAME);
        model.addAttribute("agentPlaceholder", CannedResponses.AGENT_NAME);
        model.addAttribute("maxBody", CannedResponses.MAX_BODY);
        if (!model.containsAttribute("shortcut")) {
            model.addAttribute("shortcut", "");
            model.addAttribute("language", Language.of(locale).tag());
            model.addAttribute("body", "");
        }
        return "conversation/replies-settings";
    }
}
