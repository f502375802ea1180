package org.sohbet.shop.web;

import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shop.Sidebars;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The shop context beside a conversation, an htmx fragment loaded after the page so it never holds the page up. */
@Controller
class SidebarController {

    private final Sidebars sidebars;

    SidebarController(Sidebars sidebars) {
        this.sidebars = sidebars;
    }

    @GetMapping("/console/shop/conversations/{id}/context")
    String sidebar(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        model.addAttribute("sidebar", sidebars.forConversation(agent, new ConversationId(id)));
        model.addAttribute("conversationId", id);
        return "shop/sidebar :: sidebar";
    }
}
