package org.sohbet.livechat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.sohbet.visitor.Visitors;
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
 * What an agent does to a visitor's tab: start a chat from the live visitors page, and push a product card or a
 * page from a website conversation (ADR 41).
 */
@Controller
class VisitorActionsController {

    private final PagePushes pushes;
    private final Conversations conversations;
    private final WebsiteInboxes inboxes;
    private final VisitorSocketHandler sockets;
    private final Visitors visitors;
    private final Sellers sellers;

    VisitorActionsController(
            PagePushes pushes,
            Conversations conversations,
            WebsiteInboxes inboxes,
            VisitorSocketHandler sockets,
            Visitors visitors,
            Sellers sellers) {
        this.sellers = sellers;
        this.pushes = pushes;
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.sockets = sockets;
        this.visitors = visitors;
    }

    /** The push form for a website conversation; nothing for other channels. */
    @GetMapping("/console/conversations/{id}/push")
    String pushForm(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        ConversationSummary conversation =
                conversations.visible(agent, new ConversationId(id)).orElseThrow(NotFoundException::new);
        boolean web = inboxes.list(agent.accountId()).stream().anyMatch(box -> box.id() == conversation.inboxId());
        if (!web) {
            return "livechat/push :: none";
        }
        model.addAttribute("conversationId", id);
        return "livechat/push :: form";
    }

    @PostMapping("/console/conversations/{id}/push")
    String push(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String price,
            @RequestParam(required = false) String image,
            Model model,
            HttpServletResponse response) {
        try {
            pushes.push(agent, new ConversationId(id), new PagePushes.Push(kind, url, name, price, image));
            model.addAttribute("code", "push.sent");
            model.addAttribute("failed", false);
        } catch (PagePushes.PushProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("code", problem.code);
            model.addAttribute("failed", true);
        }
        return "livechat/push :: result";
    }

    /** A proactive start from the live visitors page; the visitor must be on the account's site with the widget. */
    @PostMapping("/console/visitors/{key}/chat")
    String start(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        // A seller's agent reaches only visitors on that seller's pages (ADR 32), as on the live visitors page.
        String onlySeller = sellers.sellerOf(agent).map(Seller::key).orElse(null);
        if (visitors.liveVisitor(agent.accountId(), key)
                .filter(v -> onlySeller == null || onlySeller.equals(v.seller()))
                .isEmpty()) {
            throw new NotFoundException();
        }
        Optional<ConversationId> started;
        try {
            started = sockets.startByAgent(agent, key, UUID.randomUUID().toString(), text);
        } catch (ConversationProblem problem) {
            redirect.addFlashAttribute("startError", "proactive.start.empty");
            return "redirect:/console/visitors";
        }
        if (started.isEmpty()) {
            redirect.addFlashAttribute("startError", "proactive.start.unreachable");
            return "redirect:/console/visitors";
        }
        return "redirect:/console/conversations/" + started.get().value();
    }

    /** The inbox's setting: open a pushed page in the visitor's tab at once. Owners and admins only. */
    @PostMapping("/console/settings/inboxes/{id}/push")
    String pushSetting(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(required = false) String navigates,
            RedirectAttributes redirect) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins change inboxes");
        }
        inboxes.setPushNavigates(agent.accountId(), id, navigates != null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/settings/inboxes/" + id;
    }
}
