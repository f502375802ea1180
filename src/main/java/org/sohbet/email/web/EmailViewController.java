package org.sohbet.email.web;

import java.nio.charset.StandardCharsets;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.email.EmailViews;
import org.sohbet.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mail behind a conversation message: headers as text, the sanitized HTML in a sandboxed frame (no script, no
 * same origin, no forms, remote images blocked until asked), the plain text with its quote folded, and the parts.
 */
@Controller
class EmailViewController {

    /**
     * The frame's own policy, set before Spring Security writes the console's (which only fills in a missing header):
     * a sandbox with nothing allowed, no script at all, inline styles for the mail's layout, images from data URLs
     * only (and from the web once the agent asks), and framing by the console alone.
     */
    static final String FRAME_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:%s;"
            + " font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final EmailViews views;
    private final Conversations conversations;

    EmailViewController(EmailViews views, Conversations conversations) {
        this.views = views;
        this.conversations = conversations;
    }

    /**
     * A mail is seen through its conversation's access scope (ADR 18, and a seller's agents, ADR 32); one not threaded
     * into a conversation only by owners and admins. Anything else answers 404, like a mail of another account.
     */
    private EmailViews.Mail visibleMail(SignedInAgent agent, long id) {
        EmailViews.Mail mail = views.mail(agent.accountId(), id);
        checkConversation(agent, mail.conversationId());
        return mail;
    }

    private void checkConversation(SignedInAgent agent, Long conversationId) {
        boolean visible = conversationId == null
                ? agent.role().managesTeam()
                : conversations
                        .visible(agent, new ConversationId(conversationId))
                        .isPresent();
        if (!visible) {
            throw new NotFoundException();
        }
    }

    @GetMapping("/console/email/{id}")
    String mail(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(name = "images", defaultValue = "false") boolean images,
            Model model) {
        model.addAttribute("mail", visibleMail(agent, id));
        model.addAttribute("images", images);
        return "email/mail";
    }

    @GetMapping("/console/email/conversations/{conversationId}")
    String conversation(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long conversationId, Model model) {
        checkConversation(agent, conversationId);
        model.addAttribute("mails", views.ofConversation(agent.accountId(), conversationId));
        model.addAttribute("conversationId", conversationId);
        return "email/conversation";
    }

    @GetMapping("/console/email/{id}/frame")
    ResponseEntity<String> frame(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(name = "images", defaultValue = "false") boolean images) {
        visibleMail(agent, id);
        String body = views.frame(agent.accountId(), id, images).orElse("");
        String document =
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                        + "</head><body>" + body + "</body></html>";
        return ResponseEntity.ok()
                .header("Content-Security-Policy", FRAME_POLICY.formatted(images ? " https:" : ""))
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Referrer-Policy", "no-referrer")
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(document);
    }

    @GetMapping("/console/email/{id}/parts/{partId}")
    ResponseEntity<byte[]> part(
            @AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, @PathVariable long partId) {
        visibleMail(agent, id);
        EmailViews.Download download = views.part(agent.accountId(), id, partId);
        // Always a download of opaque bytes: a mail's file never renders on the console's origin.
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(download.content());
    }
}
