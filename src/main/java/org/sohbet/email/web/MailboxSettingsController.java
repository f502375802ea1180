package org.sohbet.email.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.sohbet.email.EmailViews;
import org.sohbet.email.Mailbox;
import org.sohbet.email.MailboxForm;
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

/** Settings, Mailboxes: connect a mailbox, change it, try its servers, and see what it received and sent. */
@Controller
class MailboxSettingsController {

    static final int RECENT = 20;

    private final Mailboxes mailboxes;
    private final EmailViews views;

    MailboxSettingsController(Mailboxes mailboxes, EmailViews views) {
        this.mailboxes = mailboxes;
        this.views = views;
    }

    @GetMapping("/console/settings/mailboxes")
    String list(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        requireManager(agent);
        model.addAttribute("mailboxes", mailboxes.list(agent.accountId()));
        return "email/mailboxes";
    }

    @GetMapping("/console/settings/mailboxes/new")
    String blank(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        requireManager(agent);
        model.addAttribute("form", Fields.blank());
        model.addAttribute("errors", Map.of());
        return "email/mailbox-new";
    }

    @PostMapping("/console/settings/mailboxes")
    String create(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        Fields fields = Fields.of(params);
        try {
            Mailbox created = mailboxes.create(agent.accountId(), fields.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/mailboxes/" + created.inboxId();
        } catch (Mailboxes.MailboxProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", fields.withoutPasswords());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            return "email/mailbox-new";
        }
    }

    @GetMapping("/console/settings/mailboxes/{id}")
    String show(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        requireManager(agent);
        Mailbox mailbox = mailboxes.get(agent.accountId(), id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Fields.of(mailbox));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("recent", views.recent(agent.accountId(), id, RECENT));
        model.addAttribute("outgoing", views.outgoing(agent.accountId(), id, RECENT));
        return "email/mailbox";
    }

    @PostMapping("/console/settings/mailboxes/{id}")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        mailboxes.get(agent.accountId(), id);
        Fields fields = Fields.of(params);
        try {
            mailboxes.update(agent.accountId(), id, fields.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/mailboxes/" + id;
        } catch (Mailboxes.MailboxProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", fields.withoutPasswords());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            return show(agent, id, model);
        }
    }

    @PostMapping("/console/settings/mailboxes/{id}/test")
    String test(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        requireManager(agent);
        redirect.addFlashAttribute("test", mailboxes.test(agent.accountId(), id));
        return "redirect:/console/settings/mailboxes/" + id;
    }

    @PostMapping("/console/settings/mailboxes/{id}/outbox/{outboxId}/retry")
    String retry(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @PathVariable long outboxId,
            RedirectAttributes redirect) {
        requireManager(agent);
        mailboxes.get(agent.accountId(), id);
        redirect.addFlashAttribute("retried", views.retry(agent.accountId(), outboxId));
        return "redirect:/console/settings/mailboxes/" + id;
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins manage mailboxes");
        }
    }

    /** The form as typed, so a rejected form shows again with what was entered (never the passwords). */
    record Fields(
            String name,
            String address,
            String imapHost,
            String imapPort,
            String imapSecurity,
            String imapUser,
            String imapPassword,
            String smtpHost,
            String smtpPort,
            String smtpSecurity,
            String smtpUser,
            String smtpPassword,
            String signature,
            boolean enabled) {

        static final List<String> SECURITY = List.of("tls", "starttls", "none");

        static Fields blank() {
            return new Fields("", "", "", "993", "tls", "", "", "", "587", "starttls", "", "", "", true);
        }

        static Fields of(Map<String, String> p) {
            return new Fields(
                    p.getOrDefault("name", ""),
                    p.getOrDefault("address", ""),
                    p.getOrDefault("imapHost", ""),
                    p.getOrDefault("imapPort", ""),
                    p.getOrDefault("imapSecurity", ""),
                    p.getOrDefault("imapUser", ""),
                    p.getOrDefault("imapPassword", ""),
                    p.getOrDefault("smtpHost", ""),
                    p.getOrDefault("smtpPort", ""),
                    p.getOrDefault("smtpSecurity", ""),
                    p.getOrDefault("smtpUser", ""),
                    p.getOrDefault("smtpPassword", ""),
                    p.getOrDefault("signature", ""),
                    p.containsKey("enabled"));
        }

        static Fields of(Mailbox m) {
            return new Fields(
                    m.name(),
                    m.address(),
                    m.imap().host(),
                    String.valueOf(m.imap().port()),
                    m.imap().security().code(),
                    m.imap().user(),
                    "",
                    m.smtp().host(),
                    String.valueOf(m.smtp().port()),
                    m.smtp().security().code(),
                    m.smtp().user(),
                    "",
                    m.signature(),
                    m.enabled());
        }

        Fields withoutPasswords() {
            return new Fields(
                    name,
                    address,
                    imapHost,
                    imapPort,
                    imapSecurity,
                    imapUser,
                    "",
                    smtpHost,
                    smtpPort,
                    smtpSecurity,
                    smtpUser,
                    "",
                    signature,
                    enabled);
        }

        MailboxForm toForm() {
            return new MailboxForm(
                    name,
                    address,
                    imapHost,
                    port(imapPort, "imapPort"),
                    security(imapSecurity, "imapSecurity"),
                    imapUser,
                    imapPassword,
                    smtpHost,
                    port(smtpPort, "smtpPort"),
                    security(smtpSecurity, "smtpSecurity"),
                    smtpUser,
                    smtpPassword,
                    signature,
                    enabled);
        }

        private static int port(String value, String field) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static Mailbox.Security security(String value, String field) {
            return SECURITY.contains(value) ? Mailbox.Security.valueOf(value.toUpperCase(java.util.Locale.ROOT)) : null;
        }

        @Override
        public String toString() {
            return "Fields[" + address + "]";
        }
    }
}
