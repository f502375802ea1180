package org.sohbet.livechat.web;

import java.util.List;
import org.sohbet.livechat.WebsiteInbox;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A made-up shop with Sohbet's own widget on every page, so a new install can try the visitor side at once. It keeps
 * no state: the cart is fixed content and checkout places no order.
 */
@Controller
class DemoShopController {

    static final List<Product> PRODUCTS = List.of(
            new Product("tea-glasses", 24),
            new Product("copper-pot", 58),
            new Product("wool-scarf", 35),
            new Product("ceramic-bowl", 19),
            new Product("olive-soap", 9));

    static final List<CartLine> CART =
            List.of(new CartLine(product("tea-glasses"), 1), new CartLine(product("ceramic-bowl"), 2));

    private final WebsiteInboxes inboxes;

    DemoShopController(WebsiteInboxes inboxes) {
        this.inboxes = inboxes;
    }

    /** Null until setup has created the first account and its inbox; the pages then show no widget. */
    @ModelAttribute("inboxKey")
    String inboxKey() {
        return inboxes.demoInbox().map(WebsiteInbox::publicKey).orElse(null);
    }

    @GetMapping("/demo")
    String products(Model model) {
        model.addAttribute("products", PRODUCTS);
        return "livechat/demo/products";
    }

    @GetMapping("/demo/products/{slug}")
    String product(@PathVariable String slug, Model model) {
        model.addAttribute("product", product(slug));
        return "livechat/demo/product";
    }

    @GetMapping("/demo/cart")
    String cart(Model model) {
        model.addAttribute("lines", CART);
        model.addAttribute("total", CART.stream().mapToLong(CartLine::total).sum());
        return "livechat/demo/cart";
    }

    @GetMapping("/demo/checkout")
    String checkout(Model model) {
        model.addAttribute("lines", CART);
        model.addAttribute("total", CART.stream().mapToLong(CartLine::total).sum());
        return "livechat/demo/checkout";
    }

    private static Product product(String slug) {
        return PRODUCTS.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow(NotFoundException::new);
    }

    /** Names and descriptions are the message keys {@code demo.product.<slug>.name} and {@code ….description}. */
    record Product(String slug, long price) {

        public String image() {
            return "/demo/" + slug + ".svg";
        }
    }

    record CartLine(Product product, int quantity) {

        public long total() {
            return product.price() * quantity;
        }
    }
}
