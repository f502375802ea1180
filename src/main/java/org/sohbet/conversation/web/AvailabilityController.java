package org.sohbet.conversation.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Map;
import org.sohbet.account.Accounts;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.CannedResponses;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The agent's availability, the team's, and the canned-response lookup of the reply box. */
@Controller
class AvailabilityController {

    private final Availability availability;
    private final CannedResponses canned;
    private final Conversations conversations;
    private final Contacts contacts;
    private final Accounts accounts;

    AvailabilityController(
            Availability availability,
            CannedResponses canned,
            Conversations conversations,
            Contacts contacts,
            Accounts accounts) {
        this.availability = availability;
        this.canned = canned;
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @PostMapping("/console/availability")
    String choose(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) String state,
            HtmxRequest htmx,
            Model model) {
        availability.choose(agent, state);
        if (!htmx.isHtmxRequest()) {
            return "redirect:/console/inbox";
        }
        return presence(agent, model);
    }

    @GetMapping("/console/inbox/presence")
    String presence(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("team", availability.team(agent.accountId()));
        return "conversation/inbox :: presence";
    }

    /**
     * Canned responses whose shortcut starts with {@code q}, filled in for the conversation's contact and this agent,
     * in the console's language when there is a text in it.
     */
    @GetMapping("/console/canned")
    @ResponseBody
    ResponseEntity<?> canned(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) String q,
            @RequestParam long conversation,
            java.util.Locale locale) {
        var found =
                conversations.visible(agent, new ConversationId(conversation)).orElseThrow(NotFoundException::new);
        String contactName = contacts.find(agent.accountId(), found.contactId())
                .map(c -> c.name())
                .orElse(null);
        String agentName =
                accounts.displayName(agent.accountId(), agent.agentId()).orElse(null);
        var items = canned.find(agent.accountId(), q, Language.of(locale)).stream()
                .map(c -> Map.of(
                        "shortcut",
                        c.shortcut(),
                        "language",
                        c.language().tag(),
                        "text",
                        CannedResponses.fill(c.body(), contactName, agentName)))
                .toList();
        return ResponseEntity.ok(Map.of("items", items));
    }
}
