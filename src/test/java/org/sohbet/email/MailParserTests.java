package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTests {

    static byte[] mail(String headers, String contentType, String transferEncoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = headers + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n"
                + (transferEncoding == null ? "" : "Content-Transfer-Encoding: " + transferEncoding + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] text(String charset, String text, String subjectHeader) {
        byte[] body = Base64.getMimeEncoder().encode(text.getBytes(Charset.forName(charset)));
        return mail(
                "From: Customer <customer@example.test>\r\nTo: support@shop.test\r\nSubject: " + subjectHeader
                        + "\r\nMessage-ID: <m1@example.test>\r\n",
                "text/plain; charset=" + charset,
                "base64",
                body);
    }

    @Test
    void decodesUtf8() {
        ParsedMail mail = MailParser.parse(text(
                "UTF-8",
                "Merhaba, sipariş nerede? 🙂",
                "=?UTF-8?B?" + Base64.getEncoder().encodeToString("Sipariş 🙂".getBytes(StandardCharsets.UTF_8))
                        + "?="));
        assertThat(mail.text()).isEqualTo("Merhaba, sipariş nerede? 🙂");
        assertThat(mail.subject()).isEqualTo("Sipariş 🙂");
        assertThat(mail.messageId()).isEqualTo("<m1@example.test>");
        assertThat(mail.fromAddress()).isEqualTo("customer@example.test");
        assertThat(mail.fromName()).isEqualTo("Customer");
    }

    @Test
    void decodesArabicInWindows1256() {
        String arabic = "مرحبا، أين طلبي؟";
        ParsedMail mail = MailParser.parse(text(
                "windows-1256",
                arabic,
                "=?windows-1256?B?"
                        + Base64.getEncoder().encodeToString("طلب".getBytes(Charset.forName("windows-1256"))) + "?="));
        assertThat(mail.text()).isEqualTo(arabic);
        assertThat(mail.subject()).isEqualTo("طلب");
    }

    @Test
    void decodesTurkishInIso88599() {
        String turkish = "Şu ürün ğüzel mi? İade ıslak";
        ParsedMail mail = MailParser.parse(text("ISO-8859-9", turkish, "=?ISO-8859-9?Q?=DEikayet_=FCr=FCn?="));
        assertThat(mail.text()).isEqualTo(turkish);
        assertThat(mail.subject()).isEqualTo("Şikayet ürün");
    }

    @Test
    void decodesBulgarianInWindows1251() {
        String bulgarian = "Здравейте, къде е поръчката ми?";
        ParsedMail mail = MailParser.parse(text(
                "windows-1251",
                bulgarian,
                "=?windows-1251?B?"
                        + Base64.getEncoder().encodeToString("Поръчка".getBytes(Charset.forName("windows-1251")))
                        + "?="));
        assertThat(mail.text()).isEqualTo(bulgarian);
        assertThat(mail.subject()).isEqualTo("Поръчка");
    }

    @Test
    void decodesIso2022Headers() {
        String japanese = "ご注文";
        String encoded = "=?ISO-2022-JP?B?"
                + Base64.getEncoder().encodeToString(japanese.getBytes(Charset.forName("ISO-2022-JP"))) + "?=";
        ParsedMail mail = MailParser.parse(text("UTF-8", "body", encoded));
        assertThat(mail.subject()).isEqualTo(japanese);
    }

    @Test
    void anUnknownCharsetIsNotedAndTheTextStillRead() {
        ParsedMail mail = MailParser.parse(mail(
                "From: a@example.test\r\nSubject: x\r\n",
                "text/plain; charset=x-no-such-charset",
                null,
                "plain words".getBytes(StandardCharsets.US_ASCII)));
        assertThat(mail.text()).isEqualTo("plain words");
        assertThat(mail.notes()).contains("charset_unknown");
    }

    @Test
    void headerInjectionInADecodedSubjectBecomesSpace() {
        ParsedMail mail = MailParser.parse(text("UTF-8", "x", "=?UTF-8?Q?Hi=0D=0ABcc:_victim@x.test?="));
        assertThat(mail.subject()).isEqualTo("Hi Bcc: victim@x.test").doesNotContain("\r", "\n");
    }

    @Test
    void aDisplayNameWithEncodedLineBreaksStaysOneName() {
        ParsedMail mail = MailParser.parse(mail(
                "From: =?UTF-8?Q?Bob=0D=0ABcc:_victim@x.test?= <customer@example.test>\r\n",
                "text/plain",
                null,
                "x".getBytes(StandardCharsets.US_ASCII)));
        assertThat(mail.fromAddress()).isEqualTo("customer@example.test");
        assertThat(mail.fromName()).isEqualTo("Bob Bcc: victim@x.test");
    }

    @Test
    void keepsAttachmentsAndInlineImagesAndPrefersBothBodies() {
        String boundary = "b1";
        String inner = "b2";
        String body = "--" + boundary + "\r\n"
                + "Content-Type: multipart/related; boundary=" + inner + "\r\n\r\n"
                + "--" + inner + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                + "<p>Hello <img src=\"cid:logo@x\"></p>\r\n"
                + "--" + inner + "\r\n"
                + "Content-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "iVBORw0KGgo=\r\n"
                + "--" + inner + "--\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/zip\r\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?B?"
                + Base64.getEncoder().encodeToString("../../evil\u202Egpj.zip".getBytes(StandardCharsets.UTF_8))
                + "?=\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + "UEsDBA==\r\n"
                + "--" + boundary + "--\r\n";
        ParsedMail mail = MailParser.parse(mail(
                "From: a@example.test\r\nSubject: files\r\n",
                "multipart/mixed; boundary=" + boundary,
                null,
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(mail.html()).contains("cid:logo@x");
        assertThat(mail.parts()).hasSize(2);
        assertThat(mail.parts().get(0).inline()).isTrue();
        assertThat(mail.parts().get(0).contentId()).isEqualTo("logo@x");
        assertThat(mail.parts().get(1).fileName()).isEqualTo("evilgpj.zip");
        assertThat(mail.parts().get(1).inline()).isFalse();
    }

    @Test
    void malformedMimeMissingHeadersAndAnEndlessHeaderAreReadAsFarAsSafe() {
        String endless = "x".repeat(1_000_000);
        ParsedMail mail = MailParser.parse(
                ("Subject: " + endless + "\r\nContent-Type: multipart/mixed\r\n\r\n" + "--nothing\r\ngarbage")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.fromAddress()).isNull();
        assertThat(mail.notes()).contains("no_sender", "header_long");
        assertThat(mail.subject()).hasSizeLessThanOrEqualTo(MailParser.MAX_HEADER);
        assertThat(MailParser.parse(new byte[0]).notes()).contains("no_sender");
    }

    @Test
    void deepNestingStopsAtTheLimit() {
        StringBuilder body = new StringBuilder();
        int depth = 50;
        for (int i = 0; i < depth; i++) {
            body.append("--b")
                    .append(i)
                    .append("\r\nContent-Type: multipart/mixed; boundary=b")
                    .append(i + 1)
                    .append("\r\n\r\n");
        }
        body.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\ndeep\r\n");
        ParsedMail mail = MailParser.parse(mail(
                "From: a@example.test\r\n",
                "multipart/mixed; boundary=b0",
                null,
                body.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(mail.notes()).contains("depth_limit");
    }

    @Test
    void recognisesAutomaticAndBulkMail() {
        assertThat(automation("Auto-Submitted: auto-replied\r\n").automatic()).isTrue();
        assertThat(automation("Auto-Submitted: no\r\n").automatic()).isFalse();
        assertThat(automation("X-Autoreply: yes\r\n").automatic()).isTrue();
        assertThat(automation("Return-Path: <>\r\n").automatic()).isTrue();
        assertThat(automation("Precedence: bulk\r\n").noAutoReply()).isTrue();
        assertThat(automation("Precedence: bulk\r\n").automatic()).isFalse();
        assertThat(automation("List-Id: <news.example.test>\r\n").noAutoReply()).isTrue();
        assertThat(automation("").noAutoReply()).isFalse();
        ParsedMail daemon = MailParser.parse(mail(
                "From: MAILER-DAEMON@example.test\r\n",
                "text/plain",
                null,
                "bounce".getBytes(StandardCharsets.US_ASCII)));
        assertThat(daemon.automation().automatic()).isTrue();
    }

    private static ParsedMail.Automation automation(String header) {
        return MailParser.parse(mail(
                        "From: a@example.test\r\n" + header,
                        "text/plain",
                        null,
                        "x".getBytes(StandardCharsets.US_ASCII)))
                .automation();
    }

    @Test
    void threadIdsComeMostRecentFirst() {
        ParsedMail mail = MailParser.parse(mail(
                "From: a@example.test\r\nIn-Reply-To: <c@x>\r\nReferences: <a@x> <b@x>\r\n <c@x>\r\n",
                "text/plain",
                null,
                "x".getBytes(StandardCharsets.US_ASCII)));
        assertThat(mail.threadIds()).containsExactly("<c@x>", "<b@x>", "<a@x>");
    }
}
