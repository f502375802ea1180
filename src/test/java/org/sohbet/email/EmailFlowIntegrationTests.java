package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.MessageView;

class EmailFlowIntegrationTests extends EmailIntegrationTest {

    @Test
    void mailBecomesAConversationAndTheReplyGoesOutThreadedAndTheAnswerComesBack() throws Exception {
        deliver(plain(
                "Leyla Demir <" + CUSTOMER + ">",
                "<q1@example.test>",
                "Where is my order?",
                "",
                "Hello, order 1042 has not arrived."));
        fetch();

        List<ConversationSummary> list = conversationsOf(owner);
        assertThat(list).hasSize(1);
        ConversationSummary conversation = list.getFirst();
        assertThat(conversation.inboxId()).isEqualTo(mailbox.inboxId());
        MessageView first = messages(conversation.id()).getFirst();
        assertThat(first.author()).isEqualTo(Author.VISITOR);
        assertThat(first.text()).isEqualTo("Where is my order?\n\nHello, order 1042 has not arrived.");
        assertThat(conversationsOf(other)).isEmpty();

        conversations.postFromAgent(owner, conversation.id(), "r1", "It ships today.");
        assertThat(greenMail.waitForIncomingEmail(20_000, 1)).isTrue();
        await(() -> receivedByCustomers().length == 1);
        MimeMessage reply = receivedByCustomers()[0];
        assertThat(((InternetAddress) reply.getFrom()[0]).getAddress()).isEqualTo(SUPPORT);
        assertThat(((InternetAddress) reply.getFrom()[0]).getPersonal()).isEqualTo("Ali");
        assertThat(reply.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(CUSTOMER);
        assertThat(reply.getSubject()).isEqualTo("Re: Where is my order?");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<q1@example.test>");
        assertThat(reply.getHeader("References", null)).contains("<q1@example.test>");
        assertThat(reply.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(reply.getContent().toString()).contains("It ships today.", "-- \r\nBazaar support team");
        String ourId = reply.getMessageID();
        assertThat(tokens.read(ourId))
                .contains(new MessageIdTokens.Token(conversation.id().value(), null));

        // The customer answers from a client that keeps only In-Reply-To, and quotes our mail.
        deliver(plain(
                CUSTOMER,
                "<q2@example.test>",
                "Re: Where is my order?",
                "In-Reply-To: " + ourId + "\r\n",
                "Thank you!\r\n\r\nOn Mon, 3 Mar 2025, Ali <support@shop.test> wrote:\r\n> It ships today."));
        fetch();
        assertThat(conversationsOf(owner)).hasSize(1);
        MessageView answer = messages(conversation.id()).getLast();
        assertThat(answer.author()).isEqualTo(Author.VISITOR);
        // Same subject as the thread, so no subject line; the quote is folded away.
        assertThat(answer.text()).isEqualTo("Thank you!");
    }

    @Test
    void aMailIsTakenOnceAcrossDuplicateFetchesAndARenumberedFolder() throws Exception {
        String raw = plain(CUSTOMER, "<dup@example.test>", "Hello", "", "Once only");
        deliver(raw);
        deliver(raw);
        fetch();
        fetch();
        jdbc.sql("update email_mailbox set uid_validity = 1, last_uid = 0").update();
        fetch();
        ConversationSummary conversation = conversationsOf(owner).getFirst();
        assertThat(messages(conversation.id())).extracting(MessageView::text).containsExactly("Hello\n\nOnce only");
        assertThat(jdbc.sql("select count(*) from email_message")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void autoRepliesBouncesAndOurOwnMailAreKeptButNeverPosted() throws Exception {
        deliver(plain(CUSTOMER, "<ooo@example.test>", "Out of office", "Auto-Submitted: auto-replied\r\n", "Away"));
        deliver(plain("MAILER-DAEMON@example.test", "<bounce@example.test>", "Undeliverable", "", "failed"));
        deliver(plain(SUPPORT, "<self@shop.test>", "Loop", "", "ourselves"));
        fetch();
        assertThat(conversationsOf(owner)).isEmpty();
        assertThat(statusOfMail("<ooo@example.test>")).isEqualTo("ignored:automatic");
        assertThat(statusOfMail("<bounce@example.test>")).isEqualTo("ignored:automatic");
        assertThat(statusOfMail("<self@shop.test>")).isEqualTo("ignored:own_address");
    }

    @Test
    void aSpoofedAgentReplyIsRejectedAndOnlyTheAgentsOwnTokenActsAsTheAgent() throws Exception {
        deliver(plain(CUSTOMER, "<s1@example.test>", "Refund", "", "Please refund."));
        fetch();
        ConversationSummary conversation = conversationsOf(owner).getFirst();
        String customerToken = tokens.make(conversation.id().value(), null, "abcdefgh", "shop.test");

        // Anyone can write "From: ali@shop.test"; the customer's own token does not make it the agent.
        deliver(plain(
                "Ali <ali@shop.test>",
                "<spoof@evil.test>",
                "Re: Refund",
                "In-Reply-To: " + customerToken + "\r\n",
                "Refund approved, 1000 EUR."));
        fetch();
        assertThat(statusOfMail("<spoof@evil.test>")).isEqualTo("rejected:agent_unauthenticated");
        assertThat(messages(conversation.id())).noneMatch(m -> m.author() == Author.AGENT);

        String agentToken =
                tokens.make(conversation.id().value(), owner.agentId().value(), "abcdefgh", "shop.test");
        deliver(plain(
                "ali@shop.test",
                "<real@shop.test>",
                "Re: Refund",
                "In-Reply-To: " + agentToken + "\r\n",
                "Refund is on its way."));
        fetch();
        assertThat(messages(conversation.id()).getLast().author()).isEqualTo(Author.AGENT);
        assertThat(messages(conversation.id()).getLast().text()).isEqualTo("Refund is on its way.");
    }

    @Test
    void aSubjectThatLooksLikeAReplyNeverJoinsSomeoneElsesThread() throws Exception {
        deliver(plain(CUSTOMER, "<t1@example.test>", "Order 7", "", "Where is it?"));
        fetch();
        ConversationSummary leyla = conversationsOf(owner).getFirst();
        String token = tokens.make(leyla.id().value(), null, "abcdefgh", "shop.test");
        deliver(plain(
                "stranger@example.test",
                "<t2@example.test>",
                "Re: Order 7",
                "In-Reply-To: " + token + "\r\nReferences: <t1@example.test>\r\n",
                "Let me in."));
        fetch();
        assertThat(conversationsOf(owner)).hasSize(2);
        assertThat(messages(leyla.id())).hasSize(1);
    }

    @Test
    void decodesTheCharsetsOfTheShopsLanguages() throws Exception {
        String arabic = "مرحبا، أين طلبي؟";
        String bulgarian = "Къде е поръчката ми?";
        String turkish = "Siparişim nerede? İyi günler";
        deliverIn("windows-1256", "ar@example.test", arabic);
        deliverIn("windows-1251", "bg@example.test", bulgarian);
        deliverIn("ISO-8859-9", "tr@example.test", turkish);
        fetch();
        assertThat(conversationsOf(owner)).hasSize(3);
        List<String> texts = conversationsOf(owner).stream()
                .map(c -> messages(c.id()).getFirst().text())
                .toList();
        assertThat(texts).containsExactlyInAnyOrder("طلب\n\n" + arabic, "طلب\n\n" + bulgarian, "طلب\n\n" + turkish);
    }

    private void deliverIn(String charset, String from, String text) throws Exception {
        String subject =
                "=?UTF-8?B?" + Base64.getEncoder().encodeToString("طلب".getBytes(StandardCharsets.UTF_8)) + "?=";
        String raw = "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + charset
                + "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=" + charset
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "\r\n";
        deliver(raw.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void hostileMailIsKeptAsFarAsSafeAndFetchingGoesOn() throws Exception {
        // A zip bomb: 50 MB of zeros in a few kilobytes. It is stored as it came, never opened.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        String bomb = "From: " + CUSTOMER + "\r\nSubject: invoice\r\nMessage-ID: <bomb@example.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\n"
                + "Content-Type: text/plain\r\n\r\nSee attached.\r\n--zz\r\nContent-Type: application/zip\r\n"
                + "Content-Disposition: attachment; filename=invoice.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(zip.toByteArray()) + "\r\n--zz--\r\n";
        deliver(bomb);
        deliver("Subject: no sender, no id\r\n\r\nbody");
        String deep = "<div>".repeat(10_000) + "deep words" + "</div>".repeat(10_000);
        deliver("From: deep@example.test\r\nSubject: deep\r\nMessage-ID: <deep@example.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n" + deep);
        // 50 MB: not downloaded; its headers make a message that says so.
        byte[] large = new byte[50 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        for (int i = 76; i < large.length; i += 78) {
            large[i] = '\r';
            large[i + 1] = '\n';
        }
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(("From: big@example.test\r\nSubject: huge\r\nMessage-ID: <big@example.test>\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        big.writeBytes(large);
        deliver(big.toByteArray());
        deliver(plain(CUSTOMER, "<after@example.test>", "invoice", "", "Still here."));
        fetch();

        assertThat(statusOfMail("<bomb@example.test>")).isEqualTo("posted");
        assertThat(jdbc.sql("select size_bytes from email_part where file_name = 'invoice.zip'")
                        .query(Long.class)
                        .single())
                .isLessThan(1_000_000L);
        assertThat(jdbc.sql("select count(*) from email_message where status = 'failed' and reason = 'no_sender'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(statusOfMail("<deep@example.test>")).isEqualTo("posted");
        assertThat(statusOfMail("<big@example.test>")).startsWith("posted");
        assertThat(statusOfMail("<after@example.test>")).isEqualTo("posted");
        List<String> texts = conversationsOf(owner).stream()
                .flatMap(c -> messages(c.id()).stream())
                .map(MessageView::text)
                .toList();
        assertThat(texts).anyMatch(t -> t.contains("deep words"));
        assertThat(texts).anyMatch(t -> t.startsWith("huge") && t.contains("too large"));
        assertThat(texts).contains("Still here.");
    }

    @Test
    void noHeaderCanBeInjectedThroughSubjectOrName() throws Exception {
        deliver(plain(
                "=?UTF-8?Q?Bob=0D=0ABcc:_victim@evil.invalid?= <" + CUSTOMER + ">",
                "<inj@example.test>",
                "=?UTF-8?Q?Hi=0D=0ABcc:_victim@evil.invalid?=",
                "",
                "hello"));
        fetch();
        ConversationSummary conversation = conversationsOf(owner).getFirst();
        conversations.postFromAgent(owner, conversation.id(), "r1", "Answer");
        await(() -> receivedByCustomers().length == 1);
        MimeMessage reply = receivedByCustomers()[0];
        assertNoHeaderNamed(reply, "Bcc");
        assertThat(reply.getAllRecipients()).hasSize(1);
        assertThat(reply.getSubject()).isEqualTo("Re: Hi Bcc: victim@evil.invalid");
        // GreenMail makes a mailbox for every envelope recipient; the victim got none.
        assertThat(greenMail.getUserManager().getUserByEmail("victim@evil.invalid"))
                .isNull();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        reply.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.US_ASCII)).doesNotContainPattern("(?m)^Bcc:");
    }
}
