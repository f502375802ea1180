package org.sohbet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every page: a language and direction, an accessible name on every control, and the security headers, including
 * error pages and htmx fragments.
 */
class PageQualityIntegrationTests extends PostgresIntegrationTest {

    @Test
    void everyPageNamesEveryControlAndCarriesTheSecurityHeaders() throws Exception {
        List<String> problems = new ArrayList<>();
        check("/setup", get("/setup"), problems);

        mvc.perform(post("/setup")
                .with(csrf())
                .param("accountName", "Shop")
                .param("displayName", "Owner")
                .param("email", "owner@shop.test")
                .param("password", "correct horse battery")
                .param("language", "en")
                .param("timezone", "UTC"));
        check("/login", get("/login"), problems);
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", "owner@shop.test")
                        .param("password", "correct horse battery"))
                .andReturn()
                .getRequest()
                .getSession(false);

        for (String path : List.of(
                "/console/inbox",
                "/console/visitors",
                "/console/contacts",
                "/console/help",
                "/console/reports",
                "/console/settings/profile",
                "/console/settings/password",
                "/console/settings/account",
                "/console/settings/agents")) {
            check(path, get(path).session(session), problems);
        }
        var notFound = httpGet("/console/nowhere", "Accept", "text/html");
        assertThat(notFound.statusCode()).isEqualTo(302);
        var errorPage = httpGet("/invite/no-such-token", "Accept", "text/html");
        assertThat(errorPage.statusCode()).isEqualTo(404);
        checkPage("error page", Jsoup.parse(errorPage.body()), problems);

        String link = (String) mvc.perform(post("/console/settings/agents/invitations")
                        .session(session)
                        .with(csrf())
                        .param("email", "new@shop.test")
                        .param("role", "AGENT"))
                .andReturn()
                .getFlashMap()
                .get("inviteLink");
        String invitation = link.substring(link.indexOf("/invite/"));
        check("invitation", get(invitation), problems);

        for (String path : List.of("/demo", "/demo/products/wool-scarf", "/demo/cart", "/demo/checkout")) {
            checkDemo(path, problems);
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void errorPagesAndFragmentsCarryTheHeadersToo() throws Exception {
        var notFound = httpGet("/invite/no-such-token", "Accept", "text/html");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(notFound.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        MockHttpServletResponse health =
                mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertHeaders(health);
    }

    @Test
    void healthSaysUpIncludingTheDatabase() throws Exception {
        String body =
                mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"status\":\"UP\"");
        String readiness = mvc.perform(get("/actuator/health/readiness"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(readiness).contains("\"status\":\"UP\"");
    }

    private void check(String name, RequestBuilder request, List<String> problems) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertHeaders(response);
        assertThat(response.getStatus()).as(name).isEqualTo(200);
        checkPage(name, Jsoup.parse(response.getContentAsString()), problems);
    }

    /**
     * The demo shop shares the widget's chain, whose frame must be embeddable, so it has no X-Frame-Options; its CSP
     * still forbids framing.
     */
    private void checkDemo(String path, List<String> problems) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getHeader("Content-Security-Policy"))
                .as(path)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        checkPage(path, Jsoup.parse(response.getContentAsString()), problems);
    }

    private void checkPage(String name, Document page, List<String> problems) {
        Element html = page.selectFirst("html");
        if (html == null || html.attr("lang").isBlank() || html.attr("dir").isBlank()) {
            problems.add(name + ": <html> needs lang and dir");
        }
        if (page.title().isBlank()) {
            problems.add(name + ": empty <title>");
        }
        if (page.select("h1").size() != 1) {
            problems.add(name + ": expected exactly one <h1>");
        }
        for (Element control : page.select("input:not([type=hidden]), select, textarea, button")) {
            if (accessibleName(page, control).isBlank()) {
                problems.add(name + ": no accessible name for " + control.outerHtml());
            }
        }
        for (Element link : page.select("a[href]")) {
            if (link.text().isBlank() && link.attr("aria-label").isBlank()) {
                problems.add(name + ": link without text " + link.outerHtml());
            }
        }
        for (Element nav : page.select("nav")) {
            if (nav.attr("aria-label").isBlank()) {
                problems.add(name + ": <nav> without aria-label");
            }
        }
        if (!page.select("script:not([src])").isEmpty()) {
            problems.add(name + ": inline script");
        }
    }

    private static String accessibleName(Document page, Element control) {
        if (!control.attr("aria-label").isBlank()) {
            return control.attr("aria-label");
        }
        if (control.is("button")) {
            return control.text();
        }
        if (!control.id().isBlank()) {
            Element label = page.selectFirst("label[for=" + control.id() + "]");
            if (label != null) {
                return label.text();
            }
        }
        Element wrapping = control.closest("label");
        return wrapping == null ? "" : wrapping.text();
    }

    private static void assertHeaders(MockHttpServletResponse response) {
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }
}
