package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.Profiles;
import org.sohbet.account.SessionSignIn;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent's own profile, language, formats and password. */
@Controller
class ProfileController {

    private final Profiles profiles;
    private final SessionSignIn signIn;

    ProfileController(Profiles profiles, SessionSignIn signIn) {
        this.profiles = profiles;
        this.signIn = signIn;
    }

    @GetMapping("/console/settings/profile")
    String profile(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("profile", profiles.profile(agent));
        return profilePage(model);
    }

    @PostMapping("/console/settings/profile")
    String saveProfile(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "GREGORIAN") String calendar,
            @RequestParam(defaultValue = "LATIN") String digits,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            profiles.updateProfile(
                    agent,
                    displayName,
                    Language.fromTag(language).orElse(null),
                    enumValue(FormatPreferences.Calendar.class, calendar, "calendar"),
                    enumValue(FormatPreferences.Digits.class, digits, "digits"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/profile";
        } catch (AccountProblem problem) {
            model.addAttribute("profile", profiles.profile(agent));
            FormErrors.show(problem, model, "account/profile", response);
            return profilePage(model);
        }
    }

    @GetMapping("/console/settings/password")
    String password(Model model) {
        FormErrors.none(model);
        return "account/password";
    }

    @PostMapping("/console/settings/password")
    String changePassword(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            Instant changedAt = profiles.changePassword(agent, currentPassword, newPassword, confirmation);
            // Other sessions signed in before this moment and end; this one continues under a new session id.
            signIn.signIn(
                    new SignedInAgent(agent.agentId(), agent.accountId(), agent.role(), changedAt), request, response);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/password";
        } catch (AccountProblem problem) {
            return FormErrors.show(problem, model, "account/password", response);
        }
    }

    private static String profilePage(Model model) {
        FormErrors.none(model);
        model.addAttribute("languages", Language.values());
        model.addAttribute("calendars", FormatPreferences.Calendar.values());
        model.addAttribute("digitChoices", FormatPreferences.Digits.values());
        return "account/profile";
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new AccountProblem(field, "validation.choice");
        }
    }
}
