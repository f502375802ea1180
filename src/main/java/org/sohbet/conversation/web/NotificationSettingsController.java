package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, Notifications: how each agent hears of queued chats, assignments, mentions and messages. */
@Controller
class NotificationSettingsController {

    /** In the order the choices are offered. */
    static final List<String> WAYS = List.of("both", "sound", "browser", "none");

    private final Availability availability;

    NotificationSettingsController(Availability availability) {
        this.availability = availability;
    }

    @GetMapping("/console/settings/notifications")
    String show(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("choices", availability.notifications(agent));
        return page(model);
    }

    @PostMapping("/console/settings/notifications")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String event : Availability.NOTIFY_EVENTS) {
            choices.put(event, form.getOrDefault(event, ""));
        }
        try {
            availability.setNotifications(agent, choices);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/notifications";
        } catch (ConversationProblem problem) {
            for (String event : Availability.NOTIFY_EVENTS) {
                if (!Availability.NOTIFY_WAYS.contains(choices.get(event))) {
                    SettingsForms.show(event, "validation.choice", model, response);
                }
            }
            model.addAttribute("choices", choices);
            return page(model);
        }
    }

    private static String page(Model model) {
        SettingsForms.none(model);
        model.addAttribute("events", Availability.NOTIFY_EVENTS);
        model.addAttribute("ways", WAYS);
        return "conversation/notification-settings";
    }
}
