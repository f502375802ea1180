package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SessionSignIn;
import org.sohbet.account.Timezones;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** First run: exists only while no user exists, and answers 404 afterwards. */
@Controller
class SetupController {

    private final FirstOwnerSetup setup;
    private final SessionSignIn signIn;

    SetupController(FirstOwnerSetup setup, SessionSignIn signIn) {
        this.setup = setup;
        this.signIn = signIn;
    }

    record SetupForm(
            String accountName, String displayName, String email, String password, String language, String timezone) {}

    @GetMapping("/setup")
    String form(Model model, HttpServletRequest request) {
        if (!setup.isNeeded()) {
            throw new NotFoundException();
        }
        String language = SohbetLocaleResolver.resolveLanguage(request).tag();
        model.addAttribute("form", new SetupForm("", "", "", "", language, "UTC"));
        return page(model);
    }

    @PostMapping("/setup")
    String create(
            @ModelAttribute("form") SetupForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!setup.isNeeded()) {
            throw new NotFoundException();
        }
        try {
            ZoneId zone = Timezones.parse(form.timezone());
            var owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                    form.accountName(),
                    form.displayName(),
                    form.email(),
                    form.password(),
                    Language.fromTag(form.language()).orElse(null),
                    zone));
            signIn.signIn(owner, request, response);
            return "redirect:/console";
        } catch (FirstOwnerSetup.SetupAlreadyDoneException e) {
            throw new NotFoundException();
        } catch (AccountProblem problem) {
            model.addAttribute(
                    "form",
                    new SetupForm(
                            form.accountName(),
                            form.displayName(),
                            form.email(),
                            "",
                            form.language(),
                            form.timezone()));
            FormErrors.show(problem, model, "account/setup", response);
            return page(model);
        }
    }

    private String page(Model model) {
        FormErrors.none(model);
        model.addAttribute("timezones", Timezones.CHOICES);
        model.addAttribute("languages", Language.values());
        return "account/setup";
    }
}
