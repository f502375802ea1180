package org.sohbet.visitor.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.visitor.LiveVisitor;
import org.sohbet.visitor.Visitors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The live visitors page: everyone on the account's site now, refreshed twice a second while it is open. */
@Controller
class VisitorsConsoleController {

    static final Set<String> STEPS = Set.of("cart", "address", "shipping", "payment", "review");

    /** One line of the list, with what the template must not compute itself. */
    record Row(LiveVisitor visitor, long minutesOnSite, String link, String step, long cart, Long chat) {}

    private final Visitors visitors;
    private final Sellers sellers;

    VisitorsConsoleController(Visitors visitors, Sellers sellers) {
        this.visitors = visitors;
        this.sellers = sellers;
    }

    @GetMapping("/console/visitors")
    String page(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) Double minCart,
            @RequestParam(required = false) String sort,
            Model model) {
        rows(agent, step, minCart, sort, model);
        return "visitor/visitors";
    }

    @GetMapping("/console/visitors/list")
    String list(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) Double minCart,
            @RequestParam(required = false) String sort,
            Model model) {
        rows(agent, step, minCart, sort, model);
        return "visitor/visitors :: rows";
    }

    /** The form an agent fills in to start a chat with a visitor; another account's visitor is not found. */
    @GetMapping("/console/visitors/{key}/chat")
    String startForm(@AuthenticationPrincipal SignedInAgent agent, @PathVariable String key, Model model) {
        // A seller's agent reaches only visitors on that seller's pages (ADR 32), like the list.
        String onlySeller = sellers.sellerOf(agent).map(Seller::key).orElse(null);
        LiveVisitor visitor = visitors.liveVisitor(agent.accountId(), key)
                .filter(v -> onlySeller == null || onlySeller.equals(v.seller()))
                .orElseThrow(org.sohbet.shared.NotFoundException::new);
        model.addAttribute("visitor", visitor);
        model.addAttribute("link", safeLink(visitor.currentUrl()));
        return "visitor/start-chat";
    }

    private void rows(SignedInAgent agent, String step, Double minCart, String sort, Model model) {
        String wanted = "any".equals(step) || "in".equals(step) || known(step) ? step : null;
        String order = sort != null && Set.of("recent", "cart", "time").contains(sort) ? sort : "recent";
        Comparator<LiveVisitor> comparator =
                switch (order) {
                    case "cart" ->
                        Comparator.comparingDouble(LiveVisitor::cartTotal).reversed();
                    case "time" -> Comparator.comparing(LiveVisitor::visitStartedAt);
                    default -> Comparator.comparing(LiveVisitor::lastSeenAt).reversed();
                };
        // A seller's agent sees the visitors on that seller's pages only (ADR 32); the operator's people see all.
        String onlySeller = sellers.sellerOf(agent).map(Seller::key).orElse(null);
        List<Row> rows = visitors.live(agent.accountId()).stream()
                .filter(v -> onlySeller == null || onlySeller.equals(v.seller()))
                .filter(v -> wanted == null
                        || "any".equals(wanted)
                        || ("in".equals(wanted) ? v.checkoutStep() != null : wanted.equals(v.checkoutStep())))
                .filter(v -> minCart == null || v.cartTotal() >= minCart)
                .sorted(comparator)
                .limit(500)
                .map(v -> new Row(
                        v,
                        Duration.between(v.visitStartedAt(), v.lastSeenAt()).toMinutes(),
                        safeLink(v.currentUrl()),
                        known(v.checkoutStep()) ? v.checkoutStep() : null,
                        Math.round(v.cartTotal()),
                        visitors.chatOf(agent.accountId(), v.visitorKey()).orElse(null)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("step", wanted);
        model.addAttribute("minCart", minCart);
        model.addAttribute("sort", order);
        model.addAttribute(
                "listUrl",
                UriComponentsBuilder.fromPath("/console/visitors/list")
                        .queryParamIfPresent("step", java.util.Optional.ofNullable(wanted))
                        .queryParamIfPresent("minCart", java.util.Optional.ofNullable(minCart))
                        .queryParam("sort", order)
                        .build()
                        .encode()
                        .toUriString());
    }

    private static boolean known(String step) {
        return step != null && STEPS.contains(step);
    }

    /** Only http(s) addresses become links; anything else is shown as text. */
    static String safeLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }
}
