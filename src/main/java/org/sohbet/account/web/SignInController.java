package org.sohbet.account.web;

import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    private final FirstOwnerSetup setup;

    SignInController(FirstOwnerSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal SignedInAgent agent) {
        if (agent != null) {
            return "redirect:/console";
        }
        if (setup.isNeeded()) {
            return "redirect:/setup";
        }
        return "account/login";
    }
}
