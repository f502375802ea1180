package org.sohbet.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Seller;
import org.sohbet.account.Sellers;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationRepository.MessageRow;
import org.sohbet.conversation.ConversationRepository.NewRow;
import org.sohbet.conversation.ConversationRepository.Next;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation module's API. Every stored change takes the conversation's next sequence number under a row lock,
 * so numbers have no gaps and clients can resume from the last one they saw. Sends carry a client id: a retry returns
 * the stored message, and the same id with other content is refused. Agents act only on conversations their
 * {@link Access} scope sees; any other id answers as not found. Changes of assignment take the account's routing lock
 * first ({@link RoutingRepository#lockAccount}), so capacity and "who has it" are decided one at a time.
 */
@Service
public class Conversations {

    static final int MAX_CLIENT_ID = 64;
    static final int MAX_COMMENT = 1_000;
    static final int PAGE = 500;

    private final ConversationRepository repository;
    private final RoutingRepository routingRepository;
    private final Routing routing;
    private final AttachmentStore files;
    private final AttachmentLinks links;
    private final Access access;
    private final Timeline timeline;
    private final Cycles cycles;
    private final Mentions mentions;
    private final TransactionTemplate transactions;
    private final MessageWriter writer;
    private final ServiceLevels serviceLevels;
    private final Sellers sellers;

    Conversations(
            ConversationRepository repository,
            RoutingRepository routingRepository,
            Routing routing,
            AttachmentStore files,
            AttachmentLinks links,
            Access access,
            Timeline timeline,
            Cycles cycles,
            Mentions mentions,
            PlatformTransactionManager transactionManager,
            MessageWriter writer,
            ServiceLevels serviceLevels,
            Sellers sellers) {
        this.sellers = sellers;
        this.repository = repository;
        this.serviceLevels = serviceLevels;
        this.routingRepository = routingRepository;
        this.routing = routing;
        this.files = files;
        this.links = links;
        this.access = access;
        this.timeline = timeline;
        this.cycles = cycles;
        this.mentions = mentions;
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The result of a send: the stored message, and whether it was a retry of one stored before. */
    public record Posted(MessageView message, boolean duplicate) {}

    /**
     * A text from the contact on an inbox. Opens the contact's conversation there on first contact (it joins the
     * queue), and reopens it when it was resolved, pending or snoozed.
     */
    public Posted postFromContact(AccountId account, long inboxId, ContactId contact, String clientId, String text) {
        return postFromContact(account, inboxId, contact, clientId, text, null);
    }

    /**
     * As {@link #postFromContact(AccountId, long, ContactId, String, String)}, from a page that names a marketplace
     * seller. The key matters only when this message creates the conversation: an active seller's key gives it to that
     * seller (ADR 32); an unknown or inactive one leaves it the operator's. It never changes an existing conversation,
     * so a page cannot move a conversation, or its history, to another seller.
     */
    public Posted postFromContact(
            AccountId account, long inboxId, ContactId contact, String clientId, String text, String sellerKey) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        Instant now = timeline.now();
        // The common case, a new message in an open conversation, is stored with the others queued at the same moment
        // (MessageWriter). Anything else (the first message, a conversation in another status, a retry, a race on the
        // client id) takes the full path.
        Optional<ConversationRepository.FastPost> fast;
        try {
            fast = writer.append(account, inboxId, contact, clientId, body, MessageText.preview(body), now);
        } catch (DuplicateKeyException raceOnClientId) {
            fast = Optional.empty();
        }
        if (fast.isPresent()) {
            ConversationSummary after = fast.get().conversation();
            NewRow row =
                    new NewRow("text", Author.VISITOR, null, body, null, clientId, null, null, ConversationStatus.OPEN);
            return new Posted(
                    timeline.published(account, after, fast.get().messageId(), row, null, after.updatedAt(), false),
                    false);
        }
        return transactions
                .execute(status -> postFromContactLocked(
                        account, inboxId, contact, clientId, body, ConversationStatus.OPEN, sellerKey, true, null))
                .posted();
    }

    /** A first post, and the conversation as it left it. */
    public record Started(Posted posted, ConversationSummary conversation) {}

    /**
     * As {@link #postFromContact(AccountId, long, ContactId, String, String, String)}, for a contact whose widget
     * found no conversation on this inbox: most often the conversation is new, so it is made first, with the language
     * the contact writes in. Answers the conversation too, so the widget can follow it at once.
     */
    public Started postFirstFromContact(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String text,
            String sellerKey,
            Language language) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        return transactions.execute(status -> postFromContactLocked(
                account, inboxId, contact, clientId, body, ConversationStatus.OPEN, sellerKey, true, language));
    }

    /**
     * A message left while the inbox was offline (outside hours, or nobody online). A new or resolved conversation
     * becomes pending and waits in the queue until an agent takes it; an ongoing one just gets the message.
     */
    @Transactional
    public Posted leaveMessage(AccountId account, long inboxId, ContactId contact, String clientId, String text) {
        return leaveMessage(account, inboxId, contact, clientId, text, null);
    }

    /** As {@link #leaveMessage(AccountId, long, ContactId, String, String)}, from a page that names a seller. */
    @Transactional
    public Posted leaveMessage(
            AccountId account, long inboxId, ContactId contact, String clientId, String text, String sellerKey) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        return postFromContactLocked(
                        account, inboxId, contact, clientId, body, ConversationStatus.PENDING, sellerKey, false, null)
                .posted();
    }

    private Started postFromContactLocked(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String body,
            ConversationStatus statusIfNew,
            String sellerKey,
            boolean likelyNew,
            Language language) {
        Supplier<Long> seller = sellerFor(account, sellerKey);
        String tag = language == null ? null : language.tag();
        Locked locked = likelyNew
                ? openOrLock(account, inboxId, contact, seller, tag)
                : lockOrOpenFor(account, inboxId, contact, seller);
        ConversationSummary conversation = locked.conversation();
        // A conversation this call made has no message to be a retry of, and has the language already.
        if (!locked.created()) {
            Optional<Posted> retry = retry(conversation, clientId, Author.VISITOR, null, body, "text");
            if (retry.isPresent()) {
                return new Started(retry.get(), conversation);
            }
            if (tag != null) {
                repository.noteLanguage(account, conversation.id().value(), tag);
            }
        }
        Reopened reopened = reopenForContact(account, conversation, locked.created(), statusIfNew);
        Timeline.Stored stored = timeline.store(
                account,
                reopened.conversation(),
                new NewRow(
                        "text",
                        Author.VISITOR,
                        null,
                        body,
                        null,
                        clientId,
                        null,
                        null,
                        reopened.next().status()),
                reopened.next(),
                MessageText.preview(body),
                null,
                locked.created());
        ConversationSummary after = routeIfQueued(account, stored.after());
        return new Started(new Posted(stored.view(), false), after);
    }

    /**
     * A conversation the contact's message put in the queue is offered to a free agent in the same transaction.
     * Answers the conversation as it is now: assigned, or as it was.
     */
    private ConversationSummary routeIfQueued(AccountId account, ConversationSummary conversation) {
        if (conversation.queued()) {
            return routing.routeArrival(account, conversation.id()).orElse(conversation);
        }
        return conversation;
    }

    /** A file from the contact; the type is decided from the content. */
    @Transactional
    public Posted postFileFromContact(
            AccountId account, long inboxId, ContactId contact, String clientId, String fileName, byte[] content) {
        return postFileFromContact(account, inboxId, contact, clientId, fileName, content, null);
    }

    /** As {@link #postFileFromContact(AccountId, long, ContactId, String, String, byte[])}, naming a seller. */
    @Transactional
    public Posted postFileFromContact(
            AccountId account,
            long inboxId,
            ContactId contact,
            String clientId,
            String fileName,
            byte[] content,
            String sellerKey) {
        checkClientId(clientId);
        FileType type = FileType.detect(content).orElseThrow(() -> new ConversationProblem("file_type"));
        Locked locked = lockOrOpen(account, inboxId, contact, sellerKey);
        ConversationSummary conversation = locked.conversation();
        String name = FileName.display(fileName, type);
        Optional<Posted> retry = retry(conversation, clientId, Author.VISITOR, null, null, "attachment");
        if (retry.isPresent()) {
            return retry.get();
        }
        Reopened reopened = reopenForContact(account, conversation, locked.created(), ConversationStatus.OPEN);
        conversation = reopened.conversation();
        String key = files.store(account, content);
        try {
            long fileId = repository.insertAttachment(
                    account, conversation.id().value(), name, type.mediaType, content.length, key, timeline.now());
            Timeline.Stored stored = timeline.store(
                    account,
                    conversation,
                    new NewRow(
                            "attachment",
                            Author.VISITOR,
                            null,
                            null,
                            null,
                            clientId,
                            fileId,
                            null,
                            reopened.next().status()),
                    reopened.next(),
                    MessageText.preview("📎 " + name),
                    new AttachmentView(fileId, name, type.mediaType, content.length, links.url(fileId)),
                    locked.created());
            routeIfQueued(account, stored.after());
            return new Posted(stored.view(), false);
        } catch (RuntimeException e) {
            files.delete(key);
            throw e;
        }
    }

    /**
     * A reply from an agent. Replying to an unassigned conversation claims it; a pending or snoozed one opens. The
     * first reply of a cycle stops the no-answer timer and records the response time.
     */
    @Transactional
    public Posted postFromAgent(SignedInAgent by, ConversationId id, String clientId, String text) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        AccountId account = by.accountId();
        routingRepository.lockAccount(account);
        ConversationSummary conversation = lockVisible(by, id);
        Optional<Posted> retry = retry(conversation, clientId, Author.AGENT, by.agentId(), body, "text");
        if (retry.isPresent()) {
            return retry.get();
        }
        if (conversation.assigneeId() == null) {
            conversation = timeline.store(
                            account,
                            conversation,
                            activity(Author.AGENT, by.agentId(), "claimed", conversation.status()),
                            Next.of(conversation).assignee(by.agentId()),
                            null,
                            null,
                            false)
                    .after();
        }
        // Any agent's reply meets the first-response target; the resolution target runs on.
        Next next = Next.of(conversation).due(null).firstResponseDue(null);
        if (conversation.status() == ConversationStatus.PENDING
                || conversation.status() == ConversationStatus.SNOOZED) {
            next = next.status(ConversationStatus.OPEN).snoozed(null);
        }
        MessageView message = timeline.append(
                account,
                conversation,
                new NewRow("text", Author.AGENT, by.agentId(), body, null, clientId, null, null, next.status()),
                next,
                MessageText.preview(body));
        cycles.agentReplied(conversation, message.at());
        return new Posted(message, false);
    }

    /**
     * An agent starts the chat with a contact (a proactive start from the live visitors page): a new conversation opens
     * assigned to that agent with the agent's message, and never waits in the queue. An existing one gets the message
     * as a reply, reopened first when it was resolved.
     */
    @Transactional
    public Posted startFromAgent(SignedInAgent by, long inboxId, ContactId contact, String clientId, String text) {
        MessageText.check(text);
        checkClientId(clientId);
        AccountId account = by.accountId();
        routingRepository.lockAccount(account);
        // A seller's agent starts the chat for their seller, so that it stays in their own scope (ADR 32).
        Long seller = sellers.sellerOf(by).map(Seller::id).orElse(null);
        if (!access.mayServe(account, by.agentId(), inboxId, null, seller)) {
            throw new NotFoundException();
        }
        Locked locked = lockOrOpenFor(account, inboxId, contact, () -> seller);
        ConversationSummary conversation = locked.conversation();
        if (!locked.created()) {
            if (conversation.status() == ConversationStatus.RESOLVED) {
                reopen(by, conversation.id());
            }
            return postFromAgent(by, conversation.id(), clientId, text);
        }
        Instant now = timeline.now();
        long cycle = cycles.start(
                account, conversation.id().value(), conversation.inboxId(), conversation.lastSeq() + 1, now);
        String body = MessageText.check(text);
        Timeline.Stored stored = timeline.store(
                account,
                conversation,
                new NewRow(
                        "text", Author.AGENT, by.agentId(), body, null, clientId, null, null, ConversationStatus.OPEN),
                Next.of(conversation)
                        .status(ConversationStatus.OPEN)
                        .cycle(cycle)
                        .assignee(by.agentId()),
                MessageText.preview(body),
                null,
                true);
        MessageView message = stored.view();
        conversation = stored.after();
        cycles.agentReplied(conversation, message.at());
        return new Posted(message, false);
    }

    /**
     * A private note: agents see it, the contact never does. Mentions ({@code @Name}) of agents who can see the
     * conversation notify them.
     */
    @Transactional
    public Posted addNote(SignedInAgent by, ConversationId id, String clientId, String text) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        ConversationSummary conversation = lockVisible(by, id);
        Optional<Posted> retry = retry(conversation, clientId, Author.AGENT, by.agentId(), body, "note");
        if (retry.isPresent()) {
            return retry.get();
        }
        MessageView message = timeline.append(
                by.accountId(),
                conversation,
                new NewRow("note", Author.AGENT, by.agentId(), body, null, clientId, null, null, conversation.status()),
                Next.of(conversation),
                null);
        mentions.record(by, conversation, message);
        return new Posted(message, false);
    }

    /**
     * Takes an unassigned conversation. When two agents claim at once, the first wins and the second is told it was
     * taken ({@code taken}).
     */
    @Transactional
    public MessageView claim(SignedInAgent by, ConversationId id) {
        ConversationSummary conversation = lockForChange(by, id);
        if (by.agentId().equals(conversation.assigneeId())) {
            throw new ConversationProblem("already_yours");
        }
        if (conversation.assigneeId() != null) {
            throw new ConversationProblem("taken");
        }
        return act(
                by,
                conversation,
                "claimed",
                Next.of(conversation).assignee(by.agentId()).due(null));
    }

    /**
     * Gives the conversation to an agent, or to a team's queue, with an optional note. With an assignee before, it is
     * a transfer. The new agent must be able to see the conversation; a team must be the account's.
     */
    @Transactional
    public MessageView assign(SignedInAgent by, ConversationId id, AgentId agent, Long team, String note) {
        AccountId account = by.accountId();
        routingRepository.lockAccount(account);
        ConversationSummary conversation = lockVisible(by, id);
        if (agent == null && team == null) {
            throw new ConversationProblem("invalid");
        }
        Long newTeam = team != null ? team : conversation.teamId();
        if (team != null && !access.teamExists(account, team)) {
            throw new NotFoundException();
        }
        if (agent != null
                && !access.mayServe(account, agent, conversation.inboxId(), newTeam, conversation.sellerId())) {
            throw new ConversationProblem("cannot_serve");
        }
        boolean transfer = conversation.assigneeId() != null;
        Next next = Next.of(conversation).team(newTeam).due(null);
        if (agent != null) {
            next = next.assignee(agent);
        } else {
            // To a team: it waits in the queue, keeping its place, until someone of the team takes it.
            next = next.assignee(null).queued(queuedAt(conversation));
        }
        String cleanNote = note == null || note.isBlank() ? null : MessageText.check(note);
        MessageView moved = timeline.append(
                account,
                conversation,
                new NewRow(
                        "activity",
                        Author.AGENT,
                        by.agentId(),
                        null,
                        transfer ? "transferred" : "assigned",
                        null,
                        null,
                        null,
                        conversation.status(),
                        agent,
                        agent == null ? team : null),
                next,
                null);
        if (cleanNote != null) {
            ConversationSummary after = repository.lock(account, id).orElseThrow();
            MessageView noted = timeline.append(
                    account,
                    after,
                    new NewRow("note", Author.AGENT, by.agentId(), cleanNote, null, null, null, null, after.status()),
                    Next.of(after),
                    null);
            mentions.record(by, after, noted);
        }
        return moved;
    }

    /** Gives the conversation back to the queue, at its old place. */
    @Transactional
    public MessageView unassign(SignedInAgent by, ConversationId id) {
        ConversationSummary conversation = lockVisible(by, id);
        if (conversation.assigneeId() == null) {
            throw new ConversationProblem("not_assigned");
        }
        return act(
                by,
                conversation,
                "unassigned",
                Next.of(conversation).assignee(null).due(null).queued(queuedAt(conversation)));
    }

    @Transactional
    public MessageView resolve(SignedInAgent by, ConversationId id) {
        ConversationSummary conversation = lockVisible(by, id);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            throw new ConversationProblem("already_resolved");
        }
        MessageView message = act(
                by,
                conversation,
                "resolved",
                Next.of(conversation)
                        .status(ConversationStatus.RESOLVED)
                        .queued(null)
                        .due(null)
                        .snoozed(null)
                        .serviceDue(null, null));
        cycles.resolved(conversation, conversation.assigneeId(), message.at());
        return message;
    }

    /** An agent reopens a resolved, pending or snoozed conversation; a resolved one starts a new cycle. */
    @Transactional
    public MessageView reopen(SignedInAgent by, ConversationId id) {
        ConversationSummary conversation = lockForChange(by, id);
        if (conversation.status() == ConversationStatus.OPEN) {
            throw new ConversationProblem("already_open");
        }
        Next next = Next.of(conversation).status(ConversationStatus.OPEN).snoozed(null);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            next = next.cycle(cycles.start(
                    by.accountId(),
                    conversation.id().value(),
                    conversation.inboxId(),
                    conversation.lastSeq() + 1,
                    timeline.now()));
            // The agent reopened it, so no customer waits for a first answer; the resolution clock starts again.
            ServiceLevels.Dues dues = serviceLevels.dues(by.accountId(), conversation.inboxId(), timeline.now(), false);
            next = next.serviceDue(null, dues.resolution());
        }
        if (conversation.assigneeId() == null) {
            // Nobody has it: it waits in the queue like any open conversation, never unseen.
            next = next.queued(timeline.now());
        }
        return act(by, conversation, "reopened", next);
    }

    /** Puts the conversation away until a time; it comes back open then, or at the contact's next message. */
    @Transactional
    public MessageView snooze(SignedInAgent by, ConversationId id, Instant until) {
        if (until == null || !until.isAfter(timeline.now())) {
            throw new ConversationProblem("invalid");
        }
        ConversationSummary conversation = lockVisible(by, id);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            throw new ConversationProblem("already_resolved");
        }
        return act(
                by,
                conversation,
                "snoozed",
                Next.of(conversation)
                        .status(ConversationStatus.SNOOZED)
                        .snoozed(until)
                        .due(null));
    }

    /** Marks the conversation as waiting (on the customer, or on someone else); it no longer counts as load. */
    @Transactional
    public MessageView markPending(SignedInAgent by, ConversationId id) {
        ConversationSummary conversation = lockVisible(by, id);
        if (conversation.status() == ConversationStatus.PENDING) {
            throw new ConversationProblem("already_pending");
        }
        if (conversation.status() == ConversationStatus.RESOLVED) {
            throw new ConversationProblem("already_resolved");
        }
        return act(
                by,
                conversation,
                "pending",
                Next.of(conversation)
                        .status(ConversationStatus.PENDING)
                        .snoozed(null)
                        .due(null));
    }

    /** The contact's 1–5 rating of a resolved conversation, with an optional comment; one per resolution. */
    @Transactional
    public MessageView rate(AccountId account, long inboxId, ContactId contact, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new ConversationProblem("invalid");
        }
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (cleanComment != null && cleanComment.codePointCount(0, cleanComment.length()) > MAX_COMMENT) {
            throw new ConversationProblem("too_long");
        }
        ConversationSummary conversation =
                repository.lockForContact(account, inboxId, contact).orElseThrow(NotFoundException::new);
        if (conversation.status() != ConversationStatus.RESOLVED || conversation.rating() != null) {
            throw new ConversationProblem("not_resolved");
        }
        Instant now = timeline.now();
        NewRow row = new NewRow(
                "activity", Author.VISITOR, null, cleanComment, "rated", null, null, rating, conversation.status());
        ConversationRepository.Appended stored = repository.append(
                account, conversation.id().value(), Next.of(conversation), row, null, rating, cleanComment, now);
        cycles.rated(conversation, rating);
        return timeline.published(account, stored.after(), stored.messageId(), row, null, now, false);
    }

    /** Records how far a side has read; the other side sees it as a "seen" mark. Not part of the sequence. */
    @Transactional
    public void markSeen(AccountId account, ConversationId id, Author who, long seq) {
        repository.markSeen(account, id.value(), who, seq);
    }

    /** The contact's last live connection closed; a cycle nobody answered yet counts as missed. */
    @Transactional
    public void contactLeft(AccountId account, ConversationId id) {
        repository.find(account, id).ifPresent(cycles::visitorLeft);
    }

    /** Moves an anonymous visitor's conversation to the verified contact it turned out to be, if that has none. */
    @Transactional
    public void moveToContact(AccountId account, long inboxId, ContactId from, ContactId to) {
        repository.moveToContact(account, inboxId, from, to);
    }

    /** Any conversation of the account, for channels and system work; agents go through {@link #visible}. */
    public Optional<ConversationSummary> find(AccountId account, ConversationId id) {
        return repository.find(account, id);
    }

    /** The conversation if the agent may see it. */
    public Optional<ConversationSummary> visible(SignedInAgent agent, ConversationId id) {
        Access.Scope scope = access.scope(agent);
        return repository.find(agent.accountId(), id).filter(scope::sees);
    }

    /**
     * Whether the agent may see the contact: through at least one conversation in their scope. Contacts belong to the
     * account, not to a seller, so a seller's agent sees exactly the contacts its seller talked to (ADR 32), and any
     * page about a contact asks here first and answers 404 otherwise.
     */
    public boolean contactVisible(SignedInAgent agent, ContactId contact) {
        Access.Scope scope = access.scope(agent);
        return repository.forContact(agent.accountId(), contact).stream().anyMatch(scope::sees);
    }

    /**
     * The conversations of these contacts in every inbox that the agent may see, the most recently active first.
     * Filtered one by one through the access scope, so a list never shows what the conversation view would refuse.
     */
    public List<ConversationSummary> visibleOfContacts(SignedInAgent agent, Collection<ContactId> contacts, int limit) {
        Access.Scope scope = access.scope(agent);
        return repository.ofContacts(agent.accountId(), contacts, limit).stream()
                .filter(scope::sees)
                .toList();
    }

    /**
     * The language the contact writes in, where known (the widget's); mail about the conversation is framed in it,
     * else in the account's default language.
     */
    public Optional<Language> language(AccountId account, ConversationId id) {
        return repository.language(account, id.value()).flatMap(Language::fromTag);
    }

    /** The contact writes in this language now. */
    public void noteLanguage(AccountId account, ConversationId id, Language language) {
        repository.noteLanguage(account, id.value(), language.tag());
    }

    /** The conversation's place in its inbox's queue, while it waits there. */
    public Optional<QueueSpot> queueSpot(ConversationSummary conversation) {
        return routing.spot(conversation);
    }

    public Optional<ConversationSummary> forContact(AccountId account, long inboxId, ContactId contact) {
        return repository.findForContact(account, inboxId, contact);
    }

    /** Up to {@value #PAGE} messages with a sequence above {@code afterSeq}, oldest first. */
    public List<MessageView> messagesAfter(AccountId account, ConversationId id, long afterSeq) {
        return messagesBetween(account, id, afterSeq, Long.MAX_VALUE);
    }

    /** Every message with {@code afterSeq < seq <= untilSeq}, oldest first, read {@value #PAGE} at a time. */
    public void forEachMessage(
            AccountId account, ConversationId id, long afterSeq, long untilSeq, Consumer<MessageView> action) {
        long from = afterSeq;
        while (true) {
            List<MessageView> page = messagesBetween(account, id, from, untilSeq);
            for (MessageView message : page) {
                action.accept(message);
                from = message.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Messages with {@code afterSeq < seq <= untilSeq}, at most {@value #PAGE}. */
    public List<MessageView> messagesBetween(AccountId account, ConversationId id, long afterSeq, long untilSeq) {
        List<MessageRow> rows = repository.messagesAfter(account, id.value(), afterSeq, untilSeq, PAGE);
        Map<Long, String> names = new HashMap<>();
        List<MessageView> views = new ArrayList<>(rows.size());
        for (MessageRow row : rows) {
            views.add(timeline.view(account, row, names));
        }
        return views;
    }

    /** The service figures of the conversation's current cycle. */
    public Optional<CycleFigures> figures(SignedInAgent agent, ConversationId id) {
        return visible(agent, id)
                .filter(c -> c.cycleId() != null)
                .flatMap(c -> cycles.figures(c.cycleId()))
                .map(f -> new CycleFigures(
                        f.firstResponseSeconds(),
                        f.firstResponseBusinessSeconds(),
                        f.resolutionSeconds(),
                        f.resolutionBusinessSeconds(),
                        f.agentMessages(),
                        f.visitorMessages(),
                        f.missed(),
                        f.rating()));
    }

    public record CycleFigures(
            Long firstResponseSeconds,
            Long firstResponseBusinessSeconds,
            Long resolutionSeconds,
            Long resolutionBusinessSeconds,
            Integer agentMessages,
            Integer visitorMessages,
            boolean missed,
            Integer rating) {}

    /**
     * The routing lock, then the conversation's row lock (ADR 17), for every change that gives a conversation to an
     * agent. Changes that only take load away (resolve, snooze, pending, unassign) need the row lock alone: a drain
     * re-reads the row under its lock and skips a conversation that is no longer waiting.
     */
    private ConversationSummary lockForChange(SignedInAgent by, ConversationId id) {
        routingRepository.lockAccount(by.accountId());
        return lockVisible(by, id);
    }

    /** An agent's activity line, carrying the state it brings. */
    private MessageView act(SignedInAgent by, ConversationSummary conversation, String activity, Next next) {
        return timeline.append(
                by.accountId(),
                conversation,
                activity(Author.AGENT, by.agentId(), activity, next.status()),
                next,
                null);
    }

    private ConversationSummary lockVisible(SignedInAgent by, ConversationId id) {
        Access.Scope scope = access.scope(by);
        return repository.lock(by.accountId(), id).filter(scope::sees).orElseThrow(NotFoundException::new);
    }

    private record Locked(ConversationSummary conversation, boolean created) {}

    private Locked lockOrOpen(AccountId account, long inboxId, ContactId contact, String sellerKey) {
        return lockOrOpenFor(account, inboxId, contact, sellerFor(account, sellerKey));
    }

    private Supplier<Long> sellerFor(AccountId account, String sellerKey) {
        return () -> sellers.activeByKey(account, sellerKey).map(Seller::id).orElse(null);
    }

    /** The seller is looked up only when the conversation is new: an existing one keeps its own (ADR 32). */
    private Locked lockOrOpenFor(AccountId account, long inboxId, ContactId contact, Supplier<Long> seller) {
        Optional<ConversationSummary> existing = repository.lockForContact(account, inboxId, contact);
        if (existing.isPresent()) {
            return new Locked(existing.get(), false);
        }
        return openOrLock(account, inboxId, contact, seller, null);
    }

    /**
     * As {@link #lockOrOpenFor}, trying the insert first: for a contact's message that did not find an open
     * conversation, which is most often the contact's first. An existing conversation keeps its seller either way.
     */
    private Locked openOrLock(
            AccountId account, long inboxId, ContactId contact, Supplier<Long> seller, String languageTag) {
        Optional<ConversationSummary> created =
                repository.insertIfAbsent(account, inboxId, contact, seller.get(), languageTag, timeline.now());
        if (created.isPresent()) {
            return new Locked(created.get(), true);
        }
        ConversationSummary conversation = repository
                .lockForContact(account, inboxId, contact)
                .orElseThrow(() -> new IllegalStateException("Conversation vanished under its lock"));
        return new Locked(conversation, false);
    }

    private Optional<Posted> retry(
            ConversationSummary conversation, String clientId, Author author, AgentId agent, String body, String kind) {
        if (clientId == null) {
            return Optional.empty();
        }
        return repository.findByClientId(conversation.id().value(), clientId).map(stored -> {
            boolean same = stored.author() == author
                    && Objects.equals(stored.agentId(), agent == null ? null : agent.value())
                    && stored.kind().equals(kind)
                    && Objects.equals(stored.body(), body);
            if (!same) {
                throw new ConversationProblem("conflict");
            }
            List<MessageView> found =
                    messagesBetween(conversation.accountId(), conversation.id(), stored.seq() - 1, stored.seq());
            return new Posted(found.getFirst(), true);
        });
    }

    /** The conversation before the contact's message, and the state that message brings. */
    private record Reopened(ConversationSummary conversation, Next next) {}

    /**
     * Before the contact's message is stored: a new conversation starts its first cycle and joins the queue; a
     * resolved one starts a new cycle and queues again (its last agent may be gone); a pending or snoozed one opens.
     * A new conversation's state comes with the message itself, so the row is written once.
     */
    private Reopened reopenForContact(
            AccountId account, ConversationSummary conversation, boolean created, ConversationStatus statusIfNew) {
        Instant now = timeline.now();
        if (created) {
            long cycle = cycles.start(
                    account, conversation.id().value(), conversation.inboxId(), conversation.lastSeq() + 1, now);
            ServiceLevels.Dues dues = serviceLevels.dues(account, conversation.inboxId(), now, true);
            return new Reopened(
                    conversation,
                    Next.of(conversation)
                            .status(statusIfNew)
                            .queued(now)
                            .cycle(cycle)
                            .serviceDue(dues.firstResponse(), dues.resolution()));
        }
        ConversationStatus status = conversation.status();
        if (status == ConversationStatus.OPEN || (status == ConversationStatus.PENDING && statusIfNew == status)) {
            return new Reopened(conversation, Next.of(conversation));
        }
        Next next = Next.of(conversation).status(statusIfNew).snoozed(null);
        if (status == ConversationStatus.RESOLVED) {
            long cycle = cycles.start(
                    account, conversation.id().value(), conversation.inboxId(), conversation.lastSeq() + 1, now);
            ServiceLevels.Dues dues = serviceLevels.dues(account, conversation.inboxId(), now, true);
            next = next.cycle(cycle)
                    .assignee(null)
                    .due(null)
                    .queued(now)
                    .serviceDue(dues.firstResponse(), dues.resolution());
        } else {
            next = next.status(ConversationStatus.OPEN);
            // The customer answered while the conversation waited on them: the team owes a reply again.
            if (conversation.firstResponseDueAt() == null) {
                next = next.firstResponseDue(serviceLevels
                        .dues(account, conversation.inboxId(), now, true)
                        .firstResponse());
            }
        }
        ConversationSummary after = timeline.store(
                        account,
                        conversation,
                        activity(Author.VISITOR, null, "reopened", next.status()),
                        next,
                        null,
                        null,
                        false)
                .after();
        return new Reopened(after, Next.of(after));
    }

    private static Instant queuedAt(ConversationSummary conversation) {
        return conversation.queuedAt() != null ? conversation.queuedAt() : conversation.statusChangedAt();
    }

    static NewRow activity(Author author, AgentId agent, String activity, ConversationStatus after) {
        return new NewRow("activity", author, agent, null, activity, null, null, null, after);
    }

    private static void checkClientId(String clientId) {
        if (clientId != null && (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID)) {
            throw new ConversationProblem("invalid");
        }
    }
}
