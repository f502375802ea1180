package org.sohbet.livechat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

class DemoShopIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    @Test
    void pointsToSetupAndEmbedsNoWidgetBeforeAnAccountExists() throws Exception {
        Document page = page("/demo");

        assertThat(page.select("script[src=/widget.js]")).isEmpty();
        assertThat(page.select(".setup-notice a[href=/setup]")).hasSize(1);
    }

    @Test
    void everyPageEmbedsTheDefaultInboxWidgetOnce() throws Exception {
        var owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Shop", "Owner", "owner@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        String key = inboxes.list(owner.accountId()).getFirst().publicKey();

        for (String path : new String[] {"/demo", "/demo/products/copper-pot", "/demo/cart", "/demo/checkout"}) {
            String html = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
            assertThat(html).as(path).contains("<script async src=\"/widget.js\" data-inbox=\"" + key + "\"></script>");
            Document page = Jsoup.parse(html);
            assertThat(page.select("script[src=/widget.js]")).as(path).hasSize(1);
            Element script = page.selectFirst("script[src=/widget.js]");
            assertThat(script.attr("data-inbox")).as(path).isEqualTo(key);
            assertThat(script.hasAttr("async")).as(path).isTrue();
            assertThat(page.select(".setup-notice")).as(path).isEmpty();
        }
    }

    @Test
    void listsProductsThatLinkToTheirPages() throws Exception {
        Document list = page("/demo");
        var links = list.select(".product-card a[href^=/demo/products/]");
        assertThat(links).hasSizeBetween(4, 6);

        Document product = page(links.first().attr("href"));
        assertThat(product.selectFirst("h1").text()).isEqualTo(links.first().text());

        String image = product.selectFirst(".product-detail img").attr("src");
        MockHttpServletResponse picture = mvc.perform(get(image)).andReturn().getResponse();
        assertThat(picture.getStatus()).as(image).isEqualTo(200);
        assertThat(picture.getContentType()).startsWith("image/svg+xml");
    }

    @Test
    void unknownProductIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/demo/products/no-such-thing"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void checkoutCannotSubmitAnything() throws Exception {
        Document page = page("/demo/checkout");

        assertThat(page.select("form button")).isNotEmpty().allMatch(button -> button.attr("type")
                .equals("button"));
        assertThat(page.select("form [type=submit], form input[type=image]")).isEmpty();
        assertThat(page.select("form[action], form[method=post]")).isEmpty();
    }

    @Test
    void persianPagesAreRightToLeft() throws Exception {
        Document page = page("/demo?lang=fa");

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fa");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page("/demo/cart?lang=en").selectFirst("html").attr("dir")).isEqualTo("ltr");
    }

    private Document page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
