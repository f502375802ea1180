package org.sohbet.livechat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.sohbet.livechat.FaqBots;
import org.sohbet.livechat.WebsiteInbox;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.web.PublicAddress;
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
 * Settings, WebsiteInboxes: the snippet to paste, allowed domains, texts per language, pre-chat form, identity secret,
 * and the FAQ bot.
 */
@Controller
class InboxSettingsController {

    private final WebsiteInboxes inboxes;
    private final PublicAddress address;
    private final FaqBots bots;

    InboxSettingsController(WebsiteInboxes inboxes, PublicAddress address, FaqBots bots) {
        this.inboxes = inboxes;
        this.address = address;
        this.bots = bots;
    }

    @GetMapping("/console/settings/inboxes")
    String list(@AuthenticationPrincipal SignedInAgent agent) {
        requireManager(agent);
        List<WebsiteInbox> all = inboxes.list(agent.accountId());
        return "redirect:/console/settings/inboxes/" + all.getFirst().id();
    }

    @GetMapping("/console/settings/inboxes/{id}")
    String show(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            HttpServletRequest request,
            Model model) {
        requireManager(agent);
        WebsiteInbox inbox = inboxes.get(agent.accountId(), id);
        model.addAttribute("name", inbox.name());
        model.addAttribute("domains", String.join("\n", inbox.allowedDomains()));
        model.addAttribute("preChat", inbox.preChat());
        model.addAttribute("greeting", inbox.greeting());
        model.addAttribute("replyTime", inbox.replyTime());
        return page(agent, inbox, request, model);
    }

    @PostMapping("/console/settings/inboxes/{id}")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        WebsiteInbox inbox = inboxes.get(agent.accountId(), id);
        Map<String, String> greeting = perLanguage(form, "greeting.");
        Map<String, String> replyTime = perLanguage(form, "replyTime.");
        try {
            inboxes.update(
                    agent.accountId(),
                    id,
                    form.getOrDefault("name", ""),
                    form.getOrDefault("domains", ""),
                    form.containsKey("preChat"),
                    greeting,
                    replyTime);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/inboxes/" + id;
        } catch (WebsiteInboxes.InboxProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            model.addAttribute("name", form.getOrDefault("name", ""));
            model.addAttribute("domains", form.getOrDefault("domains", ""));
            model.addAttribute("preChat", form.containsKey("preChat"));
            model.addAttribute("greeting", greeting);
            model.addAttribute("replyTime", replyTime);
            return page(agent, inbox, request, model);
        }
    }

    @PostMapping("/console/settings/inboxes/{id}/secret")
    String rotateSecret(
            @AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        requireManager(agent);
        inboxes.rotateSecret(agent.accountId(), id);
        redirect.addFlashAttribute("rotated", true);
        return "redirect:/console/settings/inboxes/" + id;
    }

    /** The FAQ bot of this inbox: on or off, and the confidence it needs (ADR 0023). */
    @PostMapping("/console/settings/inboxes/{id}/bot")
    String saveBot(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(required = false) String botEnabled,
            @RequestParam(required = false) String botThreshold,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        WebsiteInbox inbox = inboxes.get(agent.accountId(), id);
        try {
            bots.configure(agent.accountId(), id, botEnabled != null, botThreshold);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/inboxes/" + id;
        } catch (WebsiteInboxes.InboxProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            model.addAttribute("name", inbox.name());
            model.addAttribute("domains", String.join("\n", inbox.allowedDomains()));
            model.addAttribute("preChat", inbox.preChat());
            model.addAttribute("greeting", inbox.greeting());
            model.addAttribute("replyTime", inbox.replyTime());
            model.addAttribute("botEnabled", botEnabled != null);
            model.addAttribute("botThreshold", botThreshold == null ? "" : botThreshold);
            return page(agent, inbox, request, model);
        }
    }

    private String page(SignedInAgent agent, WebsiteInbox inbox, HttpServletRequest request, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("botThreshold")) {
            FaqBots.Settings bot = bots.settings(agent.accountId(), inbox.id());
            model.addAttribute("botEnabled", bot.enabled());
            model.addAttribute("botThreshold", String.valueOf(bot.threshold()));
        }
        String base = address.base();
        model.addAttribute("inbox", inbox);
        model.addAttribute("inboxes", inboxes.list(agent.accountId()));
        model.addAttribute(
                "snippet",
                "<script async src=\"" + base + "/widget.js\" data-inbox=\"" + inbox.publicKey() + "\"></script>");
        model.addAttribute("languages", Language.values());
        model.addAttribute("pushNavigates", inboxes.pushNavigates(agent.accountId(), inbox.id()));
        return "livechat/inbox-settings";
    }

    private static Map<String, String> perLanguage(Map<String, String> form, String prefix) {
        Map<String, String> texts = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                texts.put(key.substring(prefix.length()), value);
            }
        });
        return texts;
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins manage inboxes");
        }
    }
}
