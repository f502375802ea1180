package org.sohbet.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sohbet.account.AccountProblem;
import org.sohbet.account.Invitations;
import org.sohbet.account.SessionSignIn;
import org.sohbet.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind an invitation link. A link that was used, revoked or has expired answers 410 Gone. */
@Controller
class InvitationController {

    private final Invitations invitations;
    private final SessionSignIn signIn;

    InvitationController(Invitations invitations, SessionSignIn signIn) {
        this.invitations = invitations;
        this.signIn = signIn;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Invitations.Found invitation = invitations.find(token).orElseThrow(NotFoundException::new);
        if (invitation.status() != Invitations.Status.VALID) {
            return gone(invitation.status(), model, response);
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        model.addAttribute("displayName", "");
        FormErrors.none(model);
        return "account/invitation";
    }

    @PostMapping("/invite/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            var agent = invitations.accept(token, displayName, password);
            signIn.signIn(agent, request, response);
            return "redirect:/console";
        } catch (Invitations.InvitationUnusableException e) {
            return gone(e.status(), model, response);
        } catch (AccountProblem problem) {
            model.addAttribute("invitation", invitations.find(token).orElseThrow(NotFoundException::new));
            model.addAttribute("token", token);
            model.addAttribute("displayName", displayName);
            return FormErrors.show(problem, model, "account/invitation", response);
        }
    }

    private static String gone(Invitations.Status status, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("status", status.name().toLowerCase(java.util.Locale.ROOT));
        return "account/invitation-gone";
    }
}
