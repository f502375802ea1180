package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.Accounts;
import org.sohbet.account.Profiles;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.Timezones;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account's name, time zone and default language; owners and admins only. */
@Controller
class AccountSettingsController {

    private final Accounts accounts;
    private final Profiles profiles;

    AccountSettingsController(Accounts accounts, Profiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @GetMapping("/console/settings/account")
    String show(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        var account = accounts.find(agent.accountId()).orElseThrow(NotFoundException::new);
        model.addAttribute("name", account.name());
        model.addAttribute("timezone", account.timezone().getId());
        model.addAttribute("defaultLanguage", account.defaultLanguage().tag());
        return page(model);
    }

    @PostMapping("/console/settings/account")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String timezone,
            @RequestParam(defaultValue = "") String defaultLanguage,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            profiles.updateAccount(
                    agent, name, timezone, Language.fromTag(defaultLanguage).orElse(null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/account";
        } catch (AccountProblem problem) {
            model.addAttribute("name", name);
            model.addAttribute("timezone", timezone);
            model.addAttribute("defaultLanguage", defaultLanguage);
            FormErrors.show(problem, model, "account/account-settings", response);
            return page(model);
        }
    }

    private static String page(Model model) {
        FormErrors.none(model);
        model.addAttribute("timezones", Timezones.CHOICES);
        model.addAttribute("languages", Language.values());
        return "account/account-settings";
    }
}
