package org.sohbet.email.web;

import org.sohbet.account.Accounts;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.TranscriptRequests;
import org.sohbet.email.AgentNotices;
import org.sohbet.email.Mailboxes;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
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
 * The console's side of automatic mail (ADR 0031): an agent's own mail notices, the per-inbox transcript on resolve,
 * and a transcript an agent sends the contact by hand.
 */
@Controller
class MailNoticeController {

    private final AgentNotices notices;
    private final Mailboxes mailboxes;
    private final Conversations conversations;
    private final TranscriptRequests transcripts;
    private final Accounts accounts;

    MailNoticeController(
            AgentNotices notices,
            Mailboxes mailboxes,
            Conversations conversations,
            TranscriptRequests transcripts,
            Accounts accounts) {
        this.notices = notices;
        this.mailboxes = mailboxes;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.accounts = accounts;
    }

    @GetMapping("/console/email/notifications")
    String choices(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        model.addAttribute("choices", notices.choices(agent));
        return "email/notices";
    }

    @PostMapping("/console/email/notifications")
    String choose(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "false") boolean assigned,
            @RequestParam(defaultValue = "false") boolean mentions,
            @RequestParam(defaultValue = "false") boolean digest,
            RedirectAttributes redirect) {
        notices.choose(agent, new AgentNotices.Choices(assigned, mentions, digest));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/email/notifications";
    }

    @GetMapping("/console/settings/mailboxes/transcripts")
    String transcriptSettings(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        requireManager(agent);
        model.addAttribute("inboxes", mailboxes.transcriptSettings(agent.accountId()));
        return "email/transcripts";
    }

    @PostMapping("/console/settings/mailboxes/transcripts/{inboxId}")
    String setTranscript(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long inboxId,
            @RequestParam(defaultValue = "false") boolean onResolve,
            RedirectAttributes redirect) {
        requireManager(agent);
        mailboxes.setTranscriptOnResolve(agent.accountId(), inboxId, onResolve);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/settings/mailboxes/transcripts";
    }

    /** An agent mails the contact a transcript, in the account's language; a conversation they cannot see is 404. */
    @PostMapping("/console/email/conversations/{conversationId}/transcript")
    String sendTranscript(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long conversationId,
            RedirectAttributes redirect) {
        ConversationId id = new ConversationId(conversationId);
        conversations.visible(agent, id).orElseThrow(NotFoundException::new);
        Language language = accounts.find(agent.accountId())
                .map(Accounts.AccountSummary::defaultLanguage)
                .orElse(Language.DEFAULT);
        TranscriptRequests.Outcome outcome = transcripts.request(agent.accountId(), id, language);
        redirect.addFlashAttribute("transcript", outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/console/email/conversations/" + conversationId;
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins manage mailboxes");
        }
    }
}
