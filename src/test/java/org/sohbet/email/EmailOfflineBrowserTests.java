package org.sohbet.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.conversation.ConversationFeeds;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.livechat.WebsiteInboxes;
import org.sohbet.shared.BrowserIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6's browser test: the visitor leaves the offline form, the agent answers from the console, the visitor's
 * mailbox (GreenMail) gets the answer, the visitor answers by mail through SMTP, and the widget shows it on the next
 * visit, where the visitor also asks for a transcript. Real Chromium, real SMTP and IMAP, real PostgreSQL.
 */
class EmailOfflineBrowserTests extends BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery";
    static final String SUPPORT = "support@shop.test";
    static final String VISITOR = "vera@example.test";

    static GreenMail greenMail;

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailFetcher fetcher;

    @Autowired
    WebsiteInboxes websiteInboxes;

    @Autowired
    Conversations conversations;

    @Autowired
    ConversationFeeds feeds;

    SignedInAgent owner;
    Mailbox mailbox;

    @BeforeAll
    static void startMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @BeforeEach
    void accountWithMailbox() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        greenMail.setUser(SUPPORT, "support", "imap secret");
        greenMail.setUser(VISITOR, "vera", "vera secret");
        owner = setup.createFirstOwner(
                new FirstOwnerSetup.NewOwner("Bazaar", "Ali Agent", "ali@shop.test", PASSWORD, null, ZoneId.of("UTC")));
        mailbox = mailboxes.create(
                owner.accountId(),
                new MailboxForm(
                        "Support",
                        SUPPORT,
                        "127.0.0.1",
                        greenMail.getImap().getPort(),
                        Mailbox.Security.NONE,
                        "support",
                        "imap secret",
                        "127.0.0.1",
                        greenMail.getSmtp().getPort(),
                        Mailbox.Security.NONE,
                        "",
                        "",
                        "Bazaar support team",
                        true));
        mailboxes.setReplySender(
                owner.accountId(), websiteInboxes.demoInbox().orElseThrow().id(), mailbox.inboxId());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }

    MimeMessage[] visitorMail() {
        return greenMail.getReceivedMessagesForDomain(VISITOR);
    }

    FrameLocator openChat(Page visitor) {
        visitor.navigate(url("/demo"));
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"))
                .click();
        return visitor.frameLocator("iframe[title='Chat with us']");
    }

    @Test
    void anOfflineMessageIsAnsweredByMailAndTheMailedAnswerShowsInTheWidgetOnTheNextVisit() throws Exception {
        // Nobody is online: the widget shows the leave-a-message form.
        Page visitor = otherBrowser("en");
        FrameLocator chat = openChat(visitor);
        chat.getByLabel("Your name").fill("Vera");
        chat.getByLabel("Email", new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(VISITOR);
        chat.getByLabel("Your message").fill("Do you ship the copper pot to Sofia?");
        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send message"))
                .click();
        assertThat(chat.getByText("We have your message and will answer you by email."))
                .isVisible();
        ConversationId id = new ConversationId(
                jdbc.sql("select id from conversation").query(Long.class).single());
        // The visitor leaves the site: the page closes, the widget's storage stays for the next visit.
        var visitorContext = visitor.context();
        visitor.close();
        await(() -> !feeds.contactConnected(id));

        // The agent answers from the console.
        page.navigate(url("/login"));
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("ali@shop.test");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.navigate(url("/console/conversations/" + id.value()));
        page.getByLabel("Reply", new Page.GetByLabelOptions().setExact(true)).fill("Yes, to Sofia in three days.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages")))
                .containsText("Yes, to Sofia in three days.");

        // The visitor's mailbox gets it, from the support address, with our thread token.
        await(() -> visitorMail().length == 1);
        MimeMessage answer = visitorMail()[0];
        assertThat(answer.getFrom()[0].toString()).contains(SUPPORT);
        assertThat(((String) answer.getContent())).startsWith("Yes, to Sofia in three days.");

        // The visitor answers by mail, through SMTP to the mailbox Sohbet fetches over IMAP.
        Session session = Session.getInstance(new Properties());
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(VISITOR, "Vera"));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        reply.setSubject("Re: " + answer.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", answer.getMessageID());
        reply.setHeader("References", answer.getMessageID());
        reply.setText("Wonderful, I will order it tonight.\n\n> Yes, to Sofia in three days.", "UTF-8");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", greenMail.getSmtp().getPort(), null, null);
            transport.sendMessage(reply, reply.getAllRecipients());
        }
        await(() -> greenMail.getReceivedMessagesForDomain(SUPPORT).length == 1);
        fetcher.fetch(mailbox.inboxId());
        assertThat(conversations.messagesAfter(owner.accountId(), id, 0))
                .anySatisfy(m -> assertThat(m.text()).isEqualTo("Wonderful, I will order it tonight."));
        assertThat(jdbc.sql("select count(*) from conversation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The next visit: the widget shows the mailed answer in the same conversation.
        Page back = visitorContext.newPage();
        FrameLocator again = openChat(back);
        var log = again.getByRole(AriaRole.LOG);
        assertThat(log).containsText("Do you ship the copper pot to Sofia?");
        assertThat(log).containsText("Yes, to Sofia in three days.");
        assertThat(log).containsText("Wonderful, I will order it tonight.");

        // And asks for a transcript with the widget's own control; the contact's address is already known.
        again.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Email me a transcript"))
                .click();
        assertThat(again.getByText("The transcript is on its way.")).isVisible();
        await(() -> visitorMail().length == 2);
        String transcript = (String) visitorMail()[1].getContent();
        assertThat(transcript)
                .contains("Do you ship the copper pot to Sofia?", "Yes, to Sofia in three days.")
                .contains("Wonderful, I will order it tonight.");
    }
}
