package org.sohbet.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationRepository.MessageRow;
import org.sohbet.conversation.ConversationRepository.NewRow;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation module's API. Every stored change takes the conversation's next sequence number under a row lock,
 * so numbers have no gaps and clients can resume from the last one they saw. Sends carry a client id: a retry returns
 * the stored message, and the same id with other content is refused.
 */
@Service
public class Conversations {

    static final int MAX_CLIENT_ID = 64;
    static final int MAX_COMMENT = 1_000;
    static final int PAGE = 500;

    private final ConversationRepository repository;
    private final AttachmentStore files;
    private final AttachmentLinks links;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MessageWriter writer;

    Conversations(
            ConversationRepository repository,
            AttachmentStore files,
            AttachmentLinks links,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager,
            MessageWriter writer) {
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.files = files;
        this.links = links;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The result of a send: the stored message, and whether it was a retry of one stored before. */
    public record Posted(MessageView message, boolean duplicate) {}

    /**
     * A text from the contact on an inbox. Opens the contact's conversation there on first contact, and reopens it
     * when it was resolved.
     */
    public Posted postFromContact(AccountId account, long inboxId, ContactId contact, String clientId, String text) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        Instant now = now();
        // The common case, a new message in an open conversation, is stored with the others queued at the same moment
        // (MessageWriter). Anything else (the first message, a resolved conversation, a retry, a race on the client
        // id) takes the full path.
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
                    published(account, after, fast.get().messageId(), row, null, after.updatedAt(), false), false);
        }
        return transactions.execute(status -> postFromContactLocked(account, inboxId, contact, clientId, body));
    }

    private Posted postFromContactLocked(
            AccountId account, long inboxId, ContactId contact, String clientId, String body) {
        Locked locked = lockOrOpen(account, inboxId, contact);
        boolean created = locked.created();
        ConversationSummary conversation = locked.conversation();
        Optional<Posted> retry = retry(conversation, clientId, Author.VISITOR, null, body, "text");
        if (retry.isPresent()) {
            return retry.get();
        }
        conversation = reopenForContact(account, conversation);
        MessageView message = append(
                account,
                conversation,
                new NewRow("text", Author.VISITOR, null, body, null, clientId, null, null, ConversationStatus.OPEN),
                conversation.assigneeId(),
                MessageText.preview(body),
                created);
        return new Posted(message, false);
    }

    /** A file from the contact; the type is decided from the content. */
    @Transactional
    public Posted postFileFromContact(
            AccountId account, long inboxId, ContactId contact, String clientId, String fileName, byte[] content) {
        checkClientId(clientId);
        FileType type = FileType.detect(content).orElseThrow(() -> new ConversationProblem("file_type"));
        Locked locked = lockOrOpen(account, inboxId, contact);
        boolean created = locked.created();
        ConversationSummary conversation = locked.conversation();
        String name = FileName.display(fileName, type);
        Optional<Posted> retry = retry(conversation, clientId, Author.VISITOR, null, null, "attachment");
        if (retry.isPresent()) {
            return retry.get();
        }
        conversation = reopenForContact(account, conversation);
        String key = files.store(account, content);
        try {
            long fileId = repository.insertAttachment(
                    account, conversation.id().value(), name, type.mediaType, content.length, key, now());
            MessageView message = append(
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
                            ConversationStatus.OPEN),
                    conversation.assigneeId(),
                    MessageText.preview("📎 " + name),
                    new AttachmentView(fileId, name, type.mediaType, content.length, links.url(fileId)),
                    created);
            return new Posted(message, false);
        } catch (RuntimeException e) {
            files.delete(key);
            throw e;
        }
    }

    /** A reply from an agent of the account. Replying to an unassigned conversation claims it. */
    @Transactional
    public Posted postFromAgent(AccountId account, AgentId agent, ConversationId id, String clientId, String text) {
        String body = MessageText.check(text);
        checkClientId(clientId);
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        Optional<Posted> retry = retry(conversation, clientId, Author.AGENT, agent, body, "text");
        if (retry.isPresent()) {
            return retry.get();
        }
        if (conversation.assigneeId() == null) {
            append(
                    account,
                    conversation,
                    activity(Author.AGENT, agent, "claimed", conversation.status()),
                    agent,
                    null,
                    false);
            conversation = repository.lock(account, id).orElseThrow();
        }
        MessageView message = append(
                account,
                conversation,
                new NewRow("text", Author.AGENT, agent, body, null, clientId, null, null, conversation.status()),
                conversation.assigneeId(),
                MessageText.preview(body),
                false);
        return new Posted(message, false);
    }

    @Transactional
    public MessageView claim(AccountId account, AgentId agent, ConversationId id) {
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        return append(
                account,
                conversation,
                activity(Author.AGENT, agent, "claimed", conversation.status()),
                agent,
                null,
                false);
    }

    @Transactional
    public MessageView resolve(AccountId account, AgentId agent, ConversationId id) {
        return changeStatus(account, agent, id, ConversationStatus.RESOLVED, "resolved", "already_resolved");
    }

    @Transactional
    public MessageView reopen(AccountId account, AgentId agent, ConversationId id) {
        return changeStatus(account, agent, id, ConversationStatus.OPEN, "reopened", "already_open");
    }

    private MessageView changeStatus(
            AccountId account,
            AgentId agent,
            ConversationId id,
            ConversationStatus target,
            String activity,
            String alreadyThere) {
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        if (conversation.status() == target) {
            throw new ConversationProblem(alreadyThere);
        }
        return append(
                account,
                conversation,
                activity(Author.AGENT, agent, activity, target),
                conversation.assigneeId(),
                null,
                false);
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
        Instant now = now();
        ConversationSummary after = repository.advance(
                conversation.id().value(),
                conversation.status(),
                conversation.assigneeId(),
                null,
                rating,
                cleanComment,
                now);
        NewRow row = new NewRow(
                "activity", Author.VISITOR, null, cleanComment, "rated", null, null, rating, conversation.status());
        long messageId = repository.insertMessage(account, conversation.id().value(), after.lastSeq(), row, now);
        return published(account, after, messageId, row, null, now, false);
    }

    /** Records how far a side has read; the other side sees it as a "seen" mark. Not part of the sequence. */
    @Transactional
    public void markSeen(AccountId account, ConversationId id, Author who, long seq) {
        repository.markSeen(account, id.value(), who, seq);
    }

    /** Moves an anonymous visitor's conversation to the verified contact it turned out to be, if that has none. */
    @Transactional
    public void moveToContact(AccountId account, long inboxId, ContactId from, ContactId to) {
        repository.moveToContact(account, inboxId, from, to);
    }

    public Optional<ConversationSummary> find(AccountId account, ConversationId id) {
        return repository.find(account, id);
    }

    public Optional<ConversationSummary> forContact(AccountId account, long inboxId, ContactId contact) {
        return repository.findForContact(account, inboxId, contact);
    }

    public List<ConversationSummary> list(AccountId account, ConversationStatus status, int limit) {
        return repository.list(account, status, Math.clamp(limit, 1, 500));
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
            views.add(view(account, row, names));
        }
        return views;
    }

    private record Locked(ConversationSummary conversation, boolean created) {}

    private Locked lockOrOpen(AccountId account, long inboxId, ContactId contact) {
        Optional<ConversationSummary> existing = repository.lockForContact(account, inboxId, contact);
        if (existing.isPresent()) {
            return new Locked(existing.get(), false);
        }
        boolean created = repository.insertIfAbsent(account, inboxId, contact, now());
        ConversationSummary conversation = repository
                .lockForContact(account, inboxId, contact)
                .orElseThrow(() -> new IllegalStateException("Conversation vanished under its lock"));
        return new Locked(conversation, created);
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

    private ConversationSummary reopenForContact(AccountId account, ConversationSummary conversation) {
        if (conversation.status() != ConversationStatus.RESOLVED) {
            return conversation;
        }
        append(
                account,
                conversation,
                activity(Author.VISITOR, null, "reopened", ConversationStatus.OPEN),
                conversation.assigneeId(),
                null,
                false);
        return repository.lock(account, conversation.id()).orElseThrow();
    }

    private static NewRow activity(Author author, AgentId agent, String activity, ConversationStatus after) {
        return new NewRow("activity", author, agent, null, activity, null, null, null, after);
    }

    private MessageView append(
            AccountId account,
            ConversationSummary conversation,
            NewRow row,
            AgentId assignee,
            String preview,
            boolean created) {
        return append(account, conversation, row, assignee, preview, null, created);
    }

    private MessageView append(
            AccountId account,
            ConversationSummary conversation,
            NewRow row,
            AgentId assignee,
            String preview,
            AttachmentView file,
            boolean created) {
        Instant now = now();
        // A new resolution cycle may be rated again.
        Integer rating = "reopened".equals(row.activity()) ? null : conversation.rating();
        AgentId newAssignee = "claimed".equals(row.activity()) ? row.agent() : assignee;
        ConversationSummary after = repository.advance(
                conversation.id().value(), row.statusAfter(), newAssignee, preview, rating, null, now);
        long messageId = repository.insertMessage(account, conversation.id().value(), after.lastSeq(), row, now);
        return published(account, after, messageId, row, file, now, created);
    }

    private MessageView published(
            AccountId account,
            ConversationSummary after,
            long messageId,
            NewRow row,
            AttachmentView file,
            Instant at,
            boolean created) {
        String authorName = row.agent() == null
                ? null
                : accounts.displayName(account, row.agent()).orElse(null);
        MessageView view = new MessageView(
                after.id().value(),
                after.lastSeq(),
                messageId,
                row.clientId(),
                row.kind(),
                row.author(),
                authorName,
                row.body(),
                file,
                row.activity(),
                row.rating(),
                row.statusAfter(),
                at);
        events.publishEvent(new ConversationChanged(account, after, view, created));
        return view;
    }

    private MessageView view(AccountId account, MessageRow row, Map<Long, String> names) {
        String authorName = null;
        if (row.agentId() != null) {
            authorName = names.computeIfAbsent(row.agentId(), id -> accounts.displayName(account, new AgentId(id))
                    .orElse(null));
        }
        AttachmentView attachment = row.fileId() == null
                ? null
                : new AttachmentView(
                        row.fileId(), row.fileName(), row.contentType(), row.size(), links.url(row.fileId()));
        return new MessageView(
                row.conversationId(),
                row.seq(),
                row.id(),
                row.clientId(),
                row.kind(),
                row.author(),
                authorName,
                row.body(),
                attachment,
                row.activity(),
                row.rating(),
                row.statusAfter(),
                row.at());
    }

    private static void checkClientId(String clientId) {
        if (clientId != null && (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID)) {
            throw new ConversationProblem("invalid");
        }
    }

    private Instant now() {
        return DatabaseTime.truncate(clock.instant());
    }
}
