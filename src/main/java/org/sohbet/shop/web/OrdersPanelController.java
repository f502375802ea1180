package org.sohbet.shop.web;

import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationId;
import org.sohbet.shop.Orders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The orders panel of the conversation view, loaded by htmx after the page, so a slow shop delays only this panel
 * and never the conversation or the chat.
 */
@Controller
class OrdersPanelController {

    private final Orders orders;

    OrdersPanelController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/console/shop/conversations/{id}/orders")
    String panel(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        model.addAttribute("panel", orders.forConversation(agent, new ConversationId(id)));
        return "shop/orders :: panel";
    }
}
