package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sohbet.account.SignedInAgent;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class EmailConsoleIntegrationTests extends EmailIntegrationTest {

    RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }

    long mailId(String messageId) {
        return jdbc.sql("select id from email_message where message_id = :id")
                .param("id", messageId)
                .query(Long.class)
                .single();
    }

    @Test
    void anAdminConnectsAMailboxWithEncryptedPasswordsAndTestsIt() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/console/settings/mailboxes")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "Contact")
                        .param("address", "Contact@Shop.test")
                        .param("imapHost", "127.0.0.1")
                        .param("imapPort", String.valueOf(greenMail.getImap().getPort()))
                        .param("imapSecurity", "none")
                        .param("imapUser", "support")
                        .param("imapPassword", "imap secret")
                        .param("smtpHost", "127.0.0.1")
                        .param("smtpPort", String.valueOf(greenMail.getSmtp().getPort()))
                        .param("smtpSecurity", "none")
                        .param("smtpUser", "")
                        .param("smtpPassword", "")
                        .param("signature", "Team")
                        .param("enabled", "on"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(mailboxes.list(owner.accountId()))
                .extracting(Mailbox::address)
                .contains("contact@shop.test");
        assertThat(jdbc.sql(
                                "select count(*) from email_mailbox where position('imap secret' in encode(imap_password, 'escape')) > 0")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select channel from inbox where name = 'Contact'")
                        .query(String.class)
                        .single())
                .isEqualTo("email");

        String tested = mvc.perform(post(location + "/test").with(as(owner)).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Document page = Jsoup.parse(
                mvc.perform(get(tested).with(as(owner)).flashAttr("test", new Mailboxes.ConnectionTest(null, null)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[role=status]").text()).contains("Both servers accepted");
        assertThat(page.select("label[for=imapPassword]").text()).isEqualTo("Password");
        assertThat(page.select("#imapPassword").attr("value")).isEmpty();
        assertThat(mailboxes.test(owner.accountId(), mailbox.inboxId()))
                .isEqualTo(new Mailboxes.ConnectionTest(null, null));

        // A wrong password is named as such, without the server's own words.
        mailboxes.update(
                owner.accountId(),
                mailbox.inboxId(),
                new MailboxForm(
                        "Support",
                        SUPPORT,
                        "127.0.0.1",
                        greenMail.getImap().getPort(),
                        Mailbox.Security.NONE,
                        "support",
                        "wrong",
                        "127.0.0.1",
                        closedPort(),
                        Mailbox.Security.NONE,
                        "",
                        "",
                        "",
                        true));
        Mailboxes.ConnectionTest failed = mailboxes.test(owner.accountId(), mailbox.inboxId());
        assertThat(failed.imapError()).isEqualTo("email.error.auth");
        assertThat(failed.smtpError()).isEqualTo("email.error.connect");
    }

    @Test
    void agentsCannotChangeMailboxesAndOtherAccountsSeeNothing() throws Exception {
        assertThat(mvc.perform(get("/console/settings/mailboxes/" + mailbox.inboxId())
                                .with(as(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        deliver(plain(CUSTOMER, "<v1@example.test>", "Hello", "", "Hi"));
        fetch();
        long id = mailId("<v1@example.test>");
        assertThat(mvc.perform(get("/console/email/" + id).with(as(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/console/email/" + id + "/frame").with(as(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theMailViewShowsSanitizedHtmlInASandboxWithImagesBlockedAndScriptAsText() throws Exception {
        String html = "<p>Hello <b>there</b><img src=\"https://tracker.test/pixel.gif\"><img src=\"cid:logo@x\"></p>"
                + "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String raw = "From: \"<img src=x onerror=alert(1)>\" <" + CUSTOMER + ">\r\nTo: " + SUPPORT
                + "\r\nSubject: '><script>alert(1)</script>\r\nMessage-ID: <h1@example.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; boundary=r\r\n\r\n--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + html + "\r\n--r\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUg==\r\n--r--\r\n";
        deliver(raw);
        fetch();
        long id = mailId("<h1@example.test>");

        Document page = Jsoup.parse(mvc.perform(get("/console/email/" + id).with(as(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("'><script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.select("main img")).isEmpty();
        assertThat(page.select("iframe").attr("sandbox")).isEmpty();
        assertThat(page.select("iframe").hasAttr("sandbox")).isTrue();
        assertThat(page.select("iframe").attr("title")).isEqualTo("Email as sent");
        assertThat(page.text()).contains("Remote images are blocked");

        MockHttpServletResponse frame = mvc.perform(
                        get("/console/email/" + id + "/frame").with(as(owner)))
                .andReturn()
                .getResponse();
        assertThat(frame.getHeader("Content-Security-Policy"))
                .startsWith("sandbox;")
                .contains("default-src 'none'", "img-src data:;", "frame-ancestors 'self'");
        assertThat(frame.getHeader("X-Frame-Options"))
                .as("the mail's own frame may be shown by the console's page, and only there")
                .isEqualTo("SAMEORIGIN");
        assertThat(mvc.perform(get("/console/email/" + id).with(as(owner)))
                        .andReturn()
                        .getResponse()
                        .getHeader("X-Frame-Options"))
                .as("the page around it is never framed")
                .isEqualTo("DENY");
        String body = frame.getContentAsString();
        assertThat(body)
                .contains("<b>there</b>", "data:image/png;base64,")
                .doesNotContain("tracker.test", "<script", "onerror");

        MockHttpServletResponse withImages = mvc.perform(get("/console/email/" + id + "/frame")
                        .param("images", "true")
                        .with(as(owner)))
                .andReturn()
                .getResponse();
        assertThat(withImages.getContentAsString()).contains("https://tracker.test/pixel.gif");
        assertThat(withImages.getHeader("Content-Security-Policy")).contains("img-src data: https:;");
    }

    @Test
    void attachmentsDownloadAsOpaqueFilesAndTheSettingsPageListsTraffic() throws Exception {
        String raw = "From: " + CUSTOMER + "\r\nSubject: file\r\nMessage-ID: <f1@example.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nsee file\r\n"
                + "--m\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=\"evil.html\"\r\n\r\n"
                + "<script>alert(1)</script>\r\n--m--\r\n";
        deliver(raw);
        fetch();
        long id = mailId("<f1@example.test>");
        long part = jdbc.sql("select id from email_part").query(Long.class).single();
        MockHttpServletResponse download = mvc.perform(
                        get("/console/email/" + id + "/parts/" + part).with(as(owner)))
                .andReturn()
                .getResponse();
        assertThat(download.getContentType()).isEqualTo("application/octet-stream");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        Document settings = Jsoup.parse(mvc.perform(
                        get("/console/settings/mailboxes/" + mailbox.inboxId()).with(as(owner)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(settings.select("#recent-heading ~ table td a").text()).contains("file");
        assertThat(settings.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Mailboxes");
    }
}
