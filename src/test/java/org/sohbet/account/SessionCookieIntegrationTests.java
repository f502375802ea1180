package org.sohbet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sohbet.shared.HttpForms;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The session cookie as the real servlet container writes it, over real HTTP. */
class SessionCookieIntegrationTests extends PostgresIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    FirstOwnerSetup setup;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signInRotatesTheSessionIdAndTheCookieIsHttpOnlyAndSameSite() throws Exception {
        setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Shop", "Owner", "owner@shop.test", AccountFixtures.PASSWORD, null, ZoneId.of("UTC")));

        HttpResponse<String> loginPage =
                http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookieBefore = sessionCookie(loginPage).orElseThrow();
        String csrf = HttpForms.csrfToken(loginPage.body());
        assertThat(cookieBefore).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", nameValue(cookieBefore))
                        .POST(HttpRequest.BodyPublishers.ofString(HttpForms.encode(
                                "_csrf", csrf, "email", "owner@shop.test", "password", AccountFixtures.PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        String cookieAfter = sessionCookie(signIn).orElseThrow();
        assertThat(nameValue(cookieAfter)).isNotEqualTo(nameValue(cookieBefore));
        assertThat(cookieAfter).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> console = http.send(
                HttpRequest.newBuilder(uri("/console/inbox"))
                        .header("Cookie", nameValue(cookieAfter))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);

        HttpResponse<String> oldSession = http.send(
                HttpRequest.newBuilder(uri("/console/inbox"))
                        .header("Cookie", nameValue(cookieBefore))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oldSession.statusCode())
                .as("the pre-sign-in session id is worthless")
                .isEqualTo(302);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("SOHBET_SESSION=")).findFirst();
    }

    private static String nameValue(String setCookie) {
        return setCookie.split(";", 2)[0];
    }
}
