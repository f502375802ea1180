package org.sohbet.email;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Access;
import org.sohbet.conversation.Author;
import org.sohbet.conversation.ConversationStatus;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.ConversationViews;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.sohbet.conversation.events.AgentMentioned;
import org.sohbet.conversation.events.ConversationChanged;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to agents (ADR 0031): a conversation assigned to them, an @mention, and a daily digest of the unanswered
 * conversations they can see. Each is the agent's own choice, off until chosen, and each mail says where to turn it
 * off. The mail goes out from the account's mailbox through the outbox, only while the agent may act and sees the
 * conversation.
 */
@Service
public class AgentNotices {

    /** The digest goes out from this hour of the account's day on. */
    static final int DIGEST_HOUR = 8;

    static final int DIGEST_ROWS = ConversationViews.PAGE;

    static final int PREVIEW = 140;

    private final AutoMailRepository repository;
    private final Accounts accounts;
    private final Access access;
    private final Conversations conversations;
    private final ConversationViews views;
    private final Contacts contacts;
    private final MailboxRepository mailboxes;
    private final Outbox outbox;
    private final MailLinks links;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AgentNotices(
            AutoMailRepository repository,
            Accounts accounts,
            Access access,
            Conversations conversations,
            ConversationViews views,
            Contacts contacts,
            MailboxRepository mailboxes,
            Outbox outbox,
            MailLinks links,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.accounts = accounts;
        this.access = access;
        this.conversations = conversations;
        this.views = views;
        this.contacts = contacts;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What the agent chose to get by mail in this account. */
    public record Choices(boolean assigned, boolean mentions, boolean digest) {}

    public Choices choices(SignedInAgent agent) {
        AutoMailRepository.Choices c = repository.choices(agent.accountId(), agent.agentId());
        return new Choices(c.assigned(), c.mentions(), c.digest());
    }

    @Transactional
    public void choose(SignedInAgent agent, Choices choices) {
        repository.setChoices(
                agent.accountId(),
                agent.agentId(),
                new AutoMailRepository.Choices(choices.assigned(), choices.mentions(), choices.digest()));
    }

    @EventListener
    void on(ConversationChanged changed) {
        MessageView message = changed.message();
        ConversationSummary conversation = changed.conversation();
        if (!message.isActivity()
                || !("assigned".equals(message.activity()) || "transferred".equals(message.activity()))
                || conversation.assigneeId() == null
                || !repository
                        .choices(changed.accountId(), conversation.assigneeId())
                        .assigned()) {
            return;
        }
        Optional<Recipient> to = recipient(changed.accountId(), conversation.assigneeId(), conversation);
        if (to.isEmpty()) {
            return;
        }
        Locale locale = to.get().address().language().locale();
        String contact = contactName(conversation, locale);
        String subject = messages.getMessage(
                "notifyMail.assigned.subject",
                new Object[] {String.valueOf(conversation.id().value()), contact},
                locale);
        String body = messages.getMessage(
                        "notifyMail.assigned.body",
                        new Object[] {String.valueOf(conversation.id().value()), contact},
                        locale)
                + "\n\n" + preview(conversation.lastPreview()) + "\n\n" + conversationLink(conversation)
                + footer(locale);
        queue(to.get(), conversation, subject, body);
    }

    @EventListener
    void on(AgentMentioned mentioned) {
        if (!repository.choices(mentioned.accountId(), mentioned.agentId()).mentions()) {
            return;
        }
        Optional<ConversationSummary> conversation =
                conversations.find(mentioned.accountId(), mentioned.conversationId());
        if (conversation.isEmpty()) {
            return;
        }
        Optional<Recipient> to = recipient(mentioned.accountId(), mentioned.agentId(), conversation.get());
        if (to.isEmpty()) {
            return;
        }
        Locale locale = to.get().address().language().locale();
        String by = mentioned.note().authorName() == null
                ? messages.getMessage("notifyMail.someone", null, locale)
                : mentioned.note().authorName();
        long id = mentioned.conversationId().value();
        String subject =
                messages.getMessage("notifyMail.mention.subject", new Object[] {by, String.valueOf(id)}, locale);
        String body = messages.getMessage("notifyMail.mention.body", new Object[] {by, String.valueOf(id)}, locale)
                + "\n\n" + preview(mentioned.note().text()) + "\n\n" + conversationLink(conversation.get())
                + footer(locale);
        queue(to.get(), conversation.get(), subject, body);
    }

    /**
     * Queues today's digest for every agent who wants one, once per agent and account-local day, from the digest hour
     * on. A digest with nothing unanswered is not sent. Answers how many were queued.
     */
    int sendDigests(Instant now) {
        int queued = 0;
        for (AutoMailRepository.DigestDue due : repository.digestCandidates(10_000)) {
            Boolean sent = transactions.execute(status -> digest(due, now));
            if (Boolean.TRUE.equals(sent)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean digest(AutoMailRepository.DigestDue due, Instant now) {
        Optional<Accounts.AccountSummary> account = accounts.find(due.account());
        Optional<SignedInAgent> agent = accounts.actingAs(due.account(), due.agent());
        Optional<Accounts.AgentAddress> address = accounts.mailAddress(due.account(), due.agent());
        if (account.isEmpty() || agent.isEmpty() || address.isEmpty()) {
            return false;
        }
        ZonedDateTime local = now.atZone(account.get().timezone());
        LocalDate day = local.toLocalDate();
        if (local.getHour() < DIGEST_HOUR || !repository.claimDigest(due.account(), due.agent(), day)) {
            return false;
        }
        // The list as the agent's own scope shows it: only inboxes and teams they serve.
        ConversationViews.Page page = views.list(
                agent.get(),
                new ConversationViews.Query(
                        ConversationViews.View.ALL, null, ConversationStatus.OPEN, null, null, null));
        List<ConversationSummary> unanswered = new ArrayList<>();
        for (ConversationSummary c : page.rows()) {
            if (awaitsAgent(c)) {
                unanswered.add(c);
            }
        }
        if (unanswered.isEmpty()) {
            return false;
        }
        Optional<Mailbox> mailbox = repository.firstMailbox(due.account()).flatMap(mailboxes::find);
        if (mailbox.isEmpty()) {
            return false;
        }
        Locale locale = address.get().language().locale();
        StringBuilder body = new StringBuilder(
                messages.getMessage("notifyMail.digest.body", new Object[] {unanswered.size()}, locale));
        body.append("\n\n");
        for (ConversationSummary c : unanswered) {
            body.append(messages.getMessage(
                            "notifyMail.digest.row",
                            new Object[] {String.valueOf(c.id().value()), contactName(c, locale)},
                            locale))
                    .append('\n')
                    .append(preview(c.lastPreview()))
                    .append('\n')
                    .append(conversationLink(c))
                    .append("\n\n");
        }
        if (page.next() != null) {
            body.append(messages.getMessage("notifyMail.digest.more", null, locale))
                    .append("\n\n");
        }
        String subject = messages.getMessage("notifyMail.digest.subject", new Object[] {unanswered.size()}, locale);
        outbox.queueComposed(
                mailbox.get(),
                null,
                "notice",
                new OutboxRepository.Composed(
                        address.get().email(),
                        OutboxSender.headerText(address.get().displayName()),
                        OutboxSender.headerText(subject),
                        body.toString().stripTrailing() + footer(locale),
                        address.get().language().tag()));
        return true;
    }

    /** Open, and the latest text or file is the contact's: nobody has answered it yet. */
    private boolean awaitsAgent(ConversationSummary c) {
        List<MessageView> recent =
                conversations.messagesBetween(c.accountId(), c.id(), Math.max(0, c.lastSeq() - 50), c.lastSeq());
        for (int i = recent.size() - 1; i >= 0; i--) {
            MessageView m = recent.get(i);
            if (m.kind().equals("text") || m.kind().equals("attachment")) {
                return m.author() == Author.VISITOR;
            }
        }
        return false;
    }

    private record Recipient(Accounts.AgentAddress address, Mailbox mailbox) {}

    /** The agent, if they may act and see the conversation, and the mailbox that mails for it. */
    private Optional<Recipient> recipient(AccountId account, AgentId agent, ConversationSummary conversation) {
        Optional<SignedInAgent> acting = accounts.actingAs(account, agent);
        if (acting.isEmpty() || !access.scope(acting.get()).sees(conversation)) {
            return Optional.empty();
        }
        Optional<Accounts.AgentAddress> address = accounts.mailAddress(account, agent);
        Optional<Mailbox> mailbox = mailboxes
                .find(conversation.inboxId())
                .or(() -> mailboxes.replySender(conversation.inboxId()))
                .or(() -> repository.firstMailbox(account).flatMap(mailboxes::find))
                .filter(m -> m.accountId().equals(account) && m.enabled());
        if (address.isEmpty()
                || mailbox.isEmpty()
                || mailboxes.isOwnAddress(address.get().email())) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(address.get(), mailbox.get()));
    }

    private void queue(Recipient to, ConversationSummary conversation, String subject, String body) {
        outbox.queueComposed(
                to.mailbox(),
                conversation.id().value(),
                "notice",
                new OutboxRepository.Composed(
                        to.address().email(),
                        OutboxSender.headerText(to.address().displayName()),
                        OutboxSender.headerText(subject),
                        body,
                        to.address().language().tag()));
    }

    private String contactName(ConversationSummary conversation, Locale locale) {
        return contacts.find(conversation.accountId(), conversation.contactId())
                .map(Contact::displayName)
                .filter(name -> name != null && !name.isBlank())
                .map(name -> OutboxSender.headerText(name))
                .orElseGet(() -> messages.getMessage("notifyMail.visitor", null, locale));
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.strip();
        return clean.length() > PREVIEW ? clean.substring(0, PREVIEW) + "…" : clean;
    }

    private String conversationLink(ConversationSummary conversation) {
        return links.base() + "/console/conversations/" + conversation.id().value();
    }

    private String footer(Locale locale) {
        return "\n\n-- \n"
                + messages.getMessage(
                        "notifyMail.footer", new Object[] {links.base() + "/console/email/notifications"}, locale);
    }
}
