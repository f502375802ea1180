package org.sohbet.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.TestSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget's HTTP side: configuration, the frame, attachments and file links. */
class WidgetHttpIntegrationTests extends PostgresIntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    WebsiteInboxes inboxes;

    SignedInAgent owner;
    WebsiteInbox inbox;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void account() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("UTC")));
        inbox = inboxes.list(owner.accountId()).getFirst();
        inboxes.update(
                owner.accountId(),
                inbox.id(),
                "Website",
                "shop.example\n*.bazaar.test",
                false,
                Map.of("fa", "سلام! چطور کمکتان کنیم؟"),
                Map.of());
        inbox = inboxes.get(owner.accountId(), inbox.id());
    }

    @Test
    void theConfigAnswersAllowedShopsInTheirLanguageAndRefusesOthersClearly() throws Exception {
        var allowed =
                httpGet("/widget/config?inbox=" + inbox.publicKey() + "&lang=fa", "Origin", "https://shop.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        JsonNode config = json.readTree(allowed.body());
        assertThat(config.path("dir").asString()).isEqualTo("rtl");
        assertThat(config.path("open").asString()).isNotEqualTo("Open chat").isNotBlank();
        assertThat(httpGet("/widget/config?inbox=" + inbox.publicKey(), "Origin", "https://a.bazaar.test")
                        .statusCode())
                .isEqualTo(200);

        var foreign = httpGet("/widget/config?inbox=" + inbox.publicKey(), "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("origin_not_allowed").contains("Settings");
        assertThat(httpGet("/widget/config?inbox=" + inbox.publicKey(), "Origin", "https://bazaar.test")
                        .statusCode())
                .as("a wildcard covers subdomains only")
                .isEqualTo(403);
        var unknown = httpGet("/widget/config?inbox=NoSuchKey1234567890", "Origin", "https://shop.example");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown_inbox");
    }

    @Test
    void theFrameMayBeEmbeddedOnlyByTheInboxsDomains() throws Exception {
        var frame = httpGet("/widget/frame?inbox=" + inbox.publicKey() + "&lang=fa&origin=https://shop.example");
        assertThat(frame.statusCode()).isEqualTo(200);
        String csp = frame.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors")
                .contains("https://shop.example:*")
                .contains("script-src 'self'");
        assertThat(csp).doesNotContain("unsafe-inline");
        assertThat(frame.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(frame.body()).contains("dir=\"rtl\"").contains("سلام! چطور کمکتان کنیم؟");
        assertThat(httpGet("/widget/frame?inbox=" + inbox.publicKey() + "&origin=https://evil.example")
                        .statusCode())
                .isEqualTo(404);
    }

    String visitorToken() {
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            socket.send(Map.of("type", "hello", "inbox", inbox.publicKey(), "lang", "en", "after", 0));
            return socket.next("welcome").path("token").asString();
        }
    }

    HttpResponse<String> upload(String token, String fileName, byte[] content, String clientId) throws Exception {
        String boundary = "----sohbet" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\n" + clientId
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/widget/attachments"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anImageIsStoredUnderAServerKeyAndServedWithSafeHeadersBehindASignedLink() throws Exception {
        String token = visitorToken();
        var response = upload(token, "..\\..\\\"><svg onload=alert(1)>\u202Egpj.exe", PNG, "f1");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode message = json.readTree(response.body());
        assertThat(message.path("kind").asString()).isEqualTo("attachment");
        String name = message.path("attachment").path("name").asString();
        assertThat(name)
                .endsWith(".png")
                .doesNotContain("\\")
                .doesNotContain("/")
                .doesNotContain("\u202E");
        String url = message.path("attachment").path("url").asString();

        var file = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline")
                .contains("filename*=")
                .doesNotContain("\r")
                .doesNotContain("\n");

        String forged = url.replaceFirst("sig=[^&]+", "sig=AAAA");
        assertThat(httpGet(forged).statusCode()).isEqualTo(404);
        assertThat(httpGet(url.replaceFirst("\\?.*", "")).statusCode()).isEqualTo(404);

        var retry = upload(token, "other.png", PNG, "f1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).path("seq").asLong())
                .isEqualTo(message.path("seq").asLong());
    }

    @Test
    void contentDecidesTheTypeAndBadUploadsAreRefusedWithTheRightStatus() throws Exception {
        String token = visitorToken();
        assertThat(upload(token, "cat.png", "<html><script>alert(1)</script>".getBytes(), "h1")
                        .statusCode())
                .isEqualTo(415);
        assertThat(upload(token, "logo.png", "<svg onload=alert(1)></svg>".getBytes(), "s1")
                        .statusCode())
                .isEqualTo(415);
        assertThat(upload(null, "cat.png", PNG, "n1").statusCode()).isEqualTo(401);
        assertThat(upload("A".repeat(43), "cat.png", PNG, "n2").statusCode()).isEqualTo(401);
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(upload(token, "big.png", big, "b1").statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single())
                .isZero();

        var pdf = upload(token, "invoice.png", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "p1");
        assertThat(pdf.statusCode()).isEqualTo(201);
        JsonNode attachment = json.readTree(pdf.body()).path("attachment");
        assertThat(attachment.path("type").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("name").asString()).isEqualTo("invoice.pdf");
        assertThat(httpGet(attachment.path("url").asString())
                        .headers()
                        .firstValue("Content-Disposition")
                        .orElseThrow())
                .startsWith("attachment");
    }

    @Test
    void theDemoShopIsAlwaysAllowed() throws Exception {
        var own = httpGet("/widget/config?inbox=" + inbox.publicKey(), "Origin", TestSocket.origin(port));
        assertThat(own.statusCode()).isEqualTo(200);
    }
}
