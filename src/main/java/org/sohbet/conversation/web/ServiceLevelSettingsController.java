package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sohbet.account.Accounts;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Inbox;
import org.sohbet.conversation.Inboxes;
import org.sohbet.conversation.ServiceLevels;
import org.sohbet.conversation.ServiceTarget;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings of one inbox's service levels, whatever its channel: a first-response and a resolution target, each a
 * number of business hours or minutes, or the same business day (ADR 29). Owners and admins only.
 */
@Controller
class ServiceLevelSettingsController {

    static final String NONE = "";
    static final String HOURS = "hours";
    static final String MINUTES = "minutes";
    static final String SAME_DAY = "same_day";

    private final Inboxes inboxes;
    private final ServiceLevels serviceLevels;
    private final Accounts accounts;

    ServiceLevelSettingsController(Inboxes inboxes, ServiceLevels serviceLevels, Accounts accounts) {
        this.inboxes = inboxes;
        this.serviceLevels = serviceLevels;
        this.accounts = accounts;
    }

    /** One target as the form shows it: a kind (none, hours, minutes, same day) and the amount typed. */
    record TargetField(String kind, String amount) {

        static TargetField of(ServiceTarget target) {
            if (target == null) {
                return new TargetField(NONE, "");
            }
            if (target.kind() == ServiceTarget.Kind.SAME_BUSINESS_DAY) {
                return new TargetField(SAME_DAY, "");
            }
            return target.minutes() % 60 == 0
                    ? new TargetField(HOURS, Integer.toString(target.minutes() / 60))
                    : new TargetField(MINUTES, Integer.toString(target.minutes()));
        }
    }

    @GetMapping("/console/settings/inboxes/{id}/service-levels")
    String show(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        SettingsForms.requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        ServiceLevels.Targets targets = serviceLevels.targets(agent.accountId(), id);
        model.addAttribute("firstResponse", TargetField.of(targets.firstResponse()));
        model.addAttribute("resolution", TargetField.of(targets.resolution()));
        return page(agent, inbox, model);
    }

    @PostMapping("/console/settings/inboxes/{id}/service-levels")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        TargetField first = typed(params, "firstResponse");
        TargetField resolution = typed(params, "resolution");
        Map<String, String> errors = new LinkedHashMap<>();
        ServiceTarget firstTarget = target(first, "firstResponse", errors);
        ServiceTarget resolutionTarget = target(resolution, "resolution", errors);
        if (errors.isEmpty()) {
            serviceLevels.update(agent, id, new ServiceLevels.Targets(firstTarget, resolutionTarget));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/inboxes/" + id + "/service-levels";
        }
        errors.forEach((field, code) -> SettingsForms.show(field, code, model, response));
        model.addAttribute("firstResponse", first);
        model.addAttribute("resolution", resolution);
        return page(agent, inbox, model);
    }

    private String page(SignedInAgent agent, Inbox inbox, Model model) {
        SettingsForms.none(model);
        model.addAttribute("inbox", inbox);
        model.addAttribute(
                "timezone",
                accounts.find(agent.accountId())
                        .map(Accounts.AccountSummary::timezone)
                        .orElse(ZoneOffset.UTC)
                        .getId());
        return "conversation/service-level-settings";
    }

    private static TargetField typed(Map<String, String> params, String name) {
        String kind = params.getOrDefault(name + "Kind", NONE).strip();
        String amount = params.getOrDefault(name + "Amount", "").strip();
        return new TargetField(kind, amount);
    }

    /** The target the field names, or null for none; a mistake is put in {@code errors} under the field's name. */
    private static ServiceTarget target(TargetField field, String name, Map<String, String> errors) {
        switch (field.kind()) {
            case NONE -> {
                return null;
            }
            case SAME_DAY -> {
                return ServiceTarget.sameBusinessDay();
            }
            case HOURS, MINUTES -> {
                Integer amount = SettingsForms.number(field.amount());
                long minutes = amount == null ? -1 : field.kind().equals(HOURS) ? amount * 60L : amount;
                if (minutes < 1 || minutes > ServiceTarget.MAX_MINUTES) {
                    errors.put(name, "sla.error.amount");
                    return null;
                }
                return ServiceTarget.businessMinutes((int) minutes);
            }
            default -> {
                errors.put(name, "sla.error.kind");
                return null;
            }
        }
    }
}
