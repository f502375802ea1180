package org.sohbet.email.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.Inbox;
import org.sohbet.conversation.Inboxes;
import org.sohbet.email.Mailbox;
import org.sohbet.email.Mailboxes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings of an inbox of another channel (a website inbox): the mailbox that mails agents' replies to contacts who
 * left and gave an email (ADR 28). Owners and admins only; a mailbox of another account is not found.
 */
@Controller
class ReplySenderController {

    private final Mailboxes mailboxes;
    private final Inboxes inboxes;

    ReplySenderController(Mailboxes mailboxes, Inboxes inboxes) {
        this.mailboxes = mailboxes;
        this.inboxes = inboxes;
    }

    @GetMapping("/console/settings/inboxes/{id}/reply-sender")
    String show(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        Long chosen = mailboxes
                .replySender(agent.accountId(), id)
                .map(Mailbox::inboxId)
                .orElse(null);
        return page(agent, inbox, chosen, Map.of(), model);
    }

    @PostMapping("/console/settings/inboxes/{id}/reply-sender")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(name = "mailbox", required = false) String mailbox,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        String typed = mailbox == null ? "" : mailbox.strip();
        Long mailboxId = null;
        if (!typed.isEmpty()) {
            if (!typed.matches("\\d{1,18}")) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return page(agent, inbox, null, Map.of("mailbox", "emailSender.error.mailbox"), model);
            }
            mailboxId = Long.valueOf(typed);
        }
        try {
            mailboxes.setReplySender(agent.accountId(), id, mailboxId);
        } catch (Mailboxes.MailboxProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(agent, inbox, mailboxId, Map.of("mailbox", "emailSender.error.isMailbox"), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/settings/inboxes/" + id + "/reply-sender";
    }

    private String page(SignedInAgent agent, Inbox inbox, Long chosen, Map<String, String> errors, Model model) {
        model.addAttribute("inbox", inbox);
        model.addAttribute(
                "isMailbox", mailboxes.find(agent.accountId(), inbox.id()).isPresent());
        model.addAttribute("mailboxes", mailboxes.list(agent.accountId()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "email/reply-sender";
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins choose the reply sender");
        }
    }
}
