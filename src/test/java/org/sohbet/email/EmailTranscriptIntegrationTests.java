package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.TranscriptRequests;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.TestSocket;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Transcripts by mail (ADR 0031): asked for in the widget, sent on resolve, through the outbox, never to robots. */
class EmailTranscriptIntegrationTests extends EmailIntegrationTest {

    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        6,
        0,
        0,
        0,
        0x1f,
        0x15,
        (byte) 0xc4,
        (byte) 0x89,
        0,
        0,
        0,
        0,
        'I',
        'E',
        'N',
        'D',
        (byte) 0xae,
        'B',
        0x60,
        (byte) 0x82
    };

    @Autowired
    Contacts contacts;

    @Autowired
    TranscriptRequests transcripts;

    long web;
    String publicKey;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void websiteInbox() {
        web = jdbc.sql("select id from inbox where account_id = :a and channel = 'web'")
                .param("a", owner.accountId().value())
                .query(Long.class)
                .single();
        publicKey = jdbc.sql("select public_key from livechat_inbox where inbox_id = :id")
                .param("id", web)
                .query(String.class)
                .single();
    }

    RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }

    HttpResponse<String> askForTranscript(String token, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget/transcript"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    MimeMessage[] transcriptsReceived() {
        return Arrays.stream(receivedByCustomers())
                .filter(m -> {
                    try {
                        return m.getHeader("Auto-Submitted") != null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    int transcriptRows() {
        return jdbc.sql("select count(*) from email_outbox where kind = 'transcript'")
                .query(Integer.class)
                .single();
    }

    @Test
    void aVisitorAsksInTheWidgetAndGetsWhatTheySawInTheirLanguageButNoNotes() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        String token;
        ConversationId id;
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            socket.send(Map.of("type", "hello", "inbox", publicKey, "lang", "tr", "after", 0));
            token = socket.next("welcome").path("token").asString();
            socket.send(Map.of(
                    "type",
                    "leave",
                    "clientId",
                    "v1",
                    "name",
                    "Vera",
                    "email",
                    CUSTOMER,
                    "text",
                    "Mavi olan geldi mi?"));
            id = new ConversationId(socket.next("ack").path("conversation").asLong());
        }
        conversations.postFromAgent(owner, id, "a1", "Evet, pazartesiden beri.");
        conversations.addNote(owner, id, "n1", "VIP customer, internal only");
        Contact vera = contacts.byEmail(owner.accountId(), CUSTOMER).orElseThrow();
        conversations.postFileFromContact(owner.accountId(), web, vera.id(), "f1", "photo.png", PNG);
        await(() -> receivedByCustomers().length == 1); // the reply, mailed because Vera has left

        HttpResponse<String> asked = askForTranscript(token, "lang=tr");
        assertThat(asked.statusCode()).isEqualTo(202);
        await(() -> transcriptsReceived().length == 1);
        MimeMessage mail = transcriptsReceived()[0];
        String body = ((String) mail.getContent());
        assertThat(mail.getSubject()).isEqualTo("Bazaar ile görüşmeniz");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("tr");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(mail.getFrom()[0].toString()).contains(SUPPORT);
        assertThat(tokens.read(mail.getMessageID()))
                .hasValueSatisfying(t -> assertThat(t.conversationId()).isEqualTo(id.value()));
        assertThat(body)
                .contains(
                        "Görüşmenizin bir kopyası", "Vera:", "Mavi olan geldi mi?", "Ali:", "Evet, pazartesiden beri.")
                .contains("Dosya: photo.png")
                .doesNotContain("VIP customer")
                .doesNotContain("internal only");

        // The file link outlives the hour-long file links: it leads to a fresh one; a changed signature leads nowhere.
        Matcher link = Pattern.compile("/mail/files/\\S+").matcher(body);
        assertThat(link.find()).isTrue();
        var opened = httpGet(link.group());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).startsWith("/files/");
        assertThat(httpGet(withSignatureChanged(link.group())).statusCode()).isEqualTo(404);
        assertThat(httpGet(link.group().replaceAll("/" + id.value() + "/", "/" + (id.value() + 1) + "/"))
                        .statusCode())
                .isEqualTo(404);

        // Rate-limited per conversation.
        assertThat(askForTranscript(token, "lang=tr").statusCode()).isEqualTo(202);
        assertThat(askForTranscript(token, "lang=tr").statusCode()).isEqualTo(202);
        HttpResponse<String> fourth = askForTranscript(token, "lang=tr");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("rate_limited");
        assertThat(transcriptRows()).isEqualTo(3);
        assertThat(askForTranscript("A".repeat(43), "").statusCode()).isEqualTo(401);
    }

    @Test
    void aVisitorWithoutAnEmailIsAskedForOneAndItIsChecked() throws Exception {
        mailboxes.setReplySender(owner.accountId(), web, mailbox.inboxId());
        try (TestSocket socket = TestSocket.open(port, "/ws/visitor", TestSocket.origin(port))) {
            socket.send(Map.of("type", "hello", "inbox", publicKey, "lang", "en", "after", 0));
            String token = socket.next("welcome").path("token").asString();
            assertThat(askForTranscript(token, "").statusCode()).isEqualTo(404); // nothing to send yet
            socket.send(Map.of("type", "send", "clientId", "v1", "text", "Do you ship to Sofia?"));
            socket.next("ack");

            HttpResponse<String> none = askForTranscript(token, "lang=en");
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.body()).contains("need_email");
            HttpResponse<String> bad = askForTranscript(token, "email=not%0D%0ABcc%3A+x%40y.z&lang=en");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("bad_email");
            assertThat(transcriptRows()).isZero();

            assertThat(askForTranscript(token, "email=" + CUSTOMER + "&lang=en").statusCode())
                    .isEqualTo(202);
            await(() -> transcriptsReceived().length == 1);
            MimeMessage mail = transcriptsReceived()[0];
            assertThat(mail.getSubject()).isEqualTo("Your conversation with Bazaar");
            assertThat((String) mail.getContent()).contains("You:", "Do you ship to Sofia?");
            assertThat(contacts.byEmail(owner.accountId(), CUSTOMER)).isPresent();

            // Once the contact has an address, the widget cannot point the transcript elsewhere.
            assertThat(askForTranscript(token, "email=other%40example.test&lang=en")
                            .statusCode())
                    .isEqualTo(202);
            await(() -> transcriptsReceived().length == 2);
            assertThat(greenMail.getReceivedMessagesForDomain("other@example.test"))
                    .isEmpty();
            assertThat(transcriptsReceived()[1].getAllRecipients()[0].toString())
                    .contains(CUSTOMER);
        }
    }

    @Test
    void resolvingMailsATranscriptOnlyWhereTheInboxAsksForIt() throws Exception {
        deliver(plain(CUSTOMER, "<q1@example.test>", "Order 1042", "", "Where is my parcel?"));
        fetch();
        ConversationId id = conversationsOf(owner).getFirst().id();
        conversations.postFromAgent(owner, id, "a1", "It left our store today.");
        conversations.addNote(owner, id, "n1", "Courier was late, do not tell");
        await(() -> receivedByCustomers().length == 1);
        conversations.resolve(owner, id);
        conversations.reopen(owner, id);
        Thread.sleep(300);
        assertThat(transcriptRows()).isZero();

        mailboxes.setTranscriptOnResolve(owner.accountId(), mailbox.inboxId(), true);
        conversations.resolve(owner, id);
        await(() -> transcriptsReceived().length == 1);
        String body = (String) transcriptsReceived()[0].getContent();
        assertThat(body)
                .contains("Where is my parcel?", "It left our store today.", "Bazaar support team")
                .doesNotContain("Courier was late")
                .doesNotContain("resolved");

        // The customer answers the transcript: it threads back into the same conversation.
        deliver(plain(
                CUSTOMER,
                "<q2@example.test>",
                "Re: " + transcriptsReceived()[0].getSubject(),
                "In-Reply-To: " + transcriptsReceived()[0].getMessageID() + "\r\n",
                "Thanks, got it."));
        fetch();
        assertThat(conversationsOf(owner)).hasSize(1);
        assertThat(messages(id))
                .anySatisfy(m -> assertThat(m.text()).isNotNull().endsWith("Thanks, got it."));
    }

    @Test
    void noAutomaticTranscriptGoesToAnAutoSubmittedOrListSender() throws Exception {
        mailboxes.setTranscriptOnResolve(owner.accountId(), mailbox.inboxId(), true);
        deliver(plain(CUSTOMER, "<q1@example.test>", "Order 1042", "", "Where is my parcel?"));
        fetch();
        ConversationId id = conversationsOf(owner).getFirst().id();
        // Their out-of-office answers our reply: they are a robot until they write again.
        deliver(plain(CUSTOMER, "<ooo@example.test>", "Out of office", "Auto-Submitted: auto-replied\r\n", "Away."));
        fetch();
        conversations.resolve(owner, id);

        deliver(plain(
                "news@example.test", "<l1@example.test>", "Weekly news", "List-Id: <news.example.test>\r\n", "Hi"));
        fetch();
        ConversationId list = conversationsOf(owner).stream()
                .filter(c -> !c.id().equals(id))
                .findFirst()
                .orElseThrow()
                .id();
        conversations.resolve(owner, list);
        Thread.sleep(300);
        assertThat(transcriptRows()).isZero();

        // A mail written by the person again: automatic transcripts may go to them once more.
        conversations.reopen(owner, id);
        deliver(plain(CUSTOMER, "<q3@example.test>", "Re: Order 1042", "In-Reply-To: <q1@example.test>\r\n", "Back."));
        fetch();
        conversations.resolve(owner, id);
        assertThat(transcriptRows()).isEqualTo(1);
    }

    @Test
    void anotherTenantsConversationOrInboxIsNotFound() throws Exception {
        deliver(plain(CUSTOMER, "<q1@example.test>", "Order 1042", "", "Where is my parcel?"));
        fetch();
        ConversationId id = conversationsOf(owner).getFirst().id();

        assertThat(mvc.perform(post("/console/email/conversations/" + id.value() + "/transcript")
                                .with(as(other))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThatThrownBy(() -> transcripts.request(other.accountId(), id, Language.ENGLISH))
                .isInstanceOf(NotFoundException.class);
        assertThat(mvc.perform(post("/console/settings/mailboxes/transcripts/" + mailbox.inboxId())
                                .with(as(other))
                                .with(csrf())
                                .param("onResolve", "true"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(transcriptRows()).isZero();

        var sent = mvc.perform(post("/console/email/conversations/" + id.value() + "/transcript")
                        .with(as(owner))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(transcriptRows()).isEqualTo(1);
        await(() -> transcriptsReceived().length == 1);
    }

    /** Changes the signature's first character to another one; replacing it with a fixed letter fails when it was that letter. */
    static String withSignatureChanged(String link) {
        assertThat(link).as("the link is signed").contains("sig=");
        int at = link.indexOf("sig=") + "sig=".length();
        char changed = link.charAt(at) == 'A' ? 'B' : 'A';
        return link.substring(0, at) + changed + link.substring(at + 1);
    }
}
