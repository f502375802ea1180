package org.sohbet.shop.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shop.ApiTokens;
import org.sohbet.shop.Attributions;
import org.sohbet.shop.OrderProblem;
import org.sohbet.shop.ShopConnections;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings, Shop: the order-lookup connection and the API tokens for pushing orders. Owners and admins only. */
@Controller
class ShopSettingsController {

    private final ShopConnections connections;
    private final ApiTokens tokens;
    private final Attributions attributions;

    ShopSettingsController(ShopConnections connections, ApiTokens tokens, Attributions attributions) {
        this.connections = connections;
        this.tokens = tokens;
        this.attributions = attributions;
    }

    @GetMapping("/console/settings/shop")
    String page(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        var current = connections.view(agent);
        if (!model.containsAttribute("platform")) {
            model.addAttribute(
                    "platform", current.map(ShopConnections.View::platform).orElse(""));
            model.addAttribute("url", current.map(ShopConnections.View::baseUrl).orElse(""));
            model.addAttribute("key", current.map(ShopConnections.View::apiKey).orElse(""));
        }
        model.addAttribute("connection", current.orElse(null));
        model.addAttribute("tokens", tokens.list(agent));
        if (!model.containsAttribute("attributionDays")) {
            model.addAttribute(
                    "attributionDays", attributions.window(agent.accountId()).toDays());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "shop/settings";
    }

    @PostMapping("/console/settings/shop")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String secret,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            connections.save(agent, platform, url, key, secret);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/shop";
        } catch (OrderProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), "shop.error." + problem.code()));
            model.addAttribute("platform", platform);
            model.addAttribute("url", url);
            model.addAttribute("key", key);
            return page(agent, model);
        }
    }

    @PostMapping("/console/settings/shop/attribution")
    String attributionWindow(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String days,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            attributions.setWindow(agent, parseDays(days));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/settings/shop";
        } catch (OrderProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of("windowDays", "attribution.error.window"));
            model.addAttribute("attributionDays", days);
            return page(agent, model);
        }
    }

    private static int parseDays(String days) {
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new OrderProblem("windowDays", "invalid");
        }
    }

    @PostMapping("/console/settings/shop/remove")
    String remove(@AuthenticationPrincipal SignedInAgent agent, RedirectAttributes redirect) {
        connections.remove(agent);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/console/settings/shop";
    }

    @PostMapping("/console/settings/shop/tokens")
    String createToken(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "") String name,
            Model model,
            HttpServletResponse response) {
        try {
            ApiTokens.Created created = tokens.create(agent, name);
            // Shown on this answer only; it is never stored or shown again.
            model.addAttribute("newToken", created.secret());
            model.addAttribute("newTokenName", created.token().name());
            response.setHeader("Cache-Control", "no-store");
        } catch (OrderProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of("tokenName", "shop.error.tokenName"));
        }
        return page(agent, model);
    }

    @PostMapping("/console/settings/shop/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(agent, id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/console/settings/shop";
    }
}
