package org.sohbet.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.ConversationRepository.MessageRow;
import org.sohbet.conversation.ConversationRepository.NewRow;
import org.sohbet.conversation.ConversationRepository.Next;
import org.sohbet.conversation.events.ConversationChanged;
import org.sohbet.shared.database.DatabaseTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends messages to a locked conversation: takes the next sequence number, applies the state the message brings,
 * stores it and publishes it. Conversations and routing both write through here, so every change is one numbered
 * message that clients can replay.
 */
@Component
class Timeline {

    private final ConversationRepository repository;
    private final AttachmentLinks links;
    private final Accounts accounts;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Timeline(
            ConversationRepository repository,
            AttachmentLinks links,
            Accounts accounts,
            Teams teams,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.links = links;
        this.accounts = accounts;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    MessageView append(AccountId account, ConversationSummary conversation, NewRow row, Next next, String preview) {
        return store(account, conversation, row, next, preview, null, false).view();
    }

    /** A stored message's view, and the conversation as the message left it. */
    record Stored(MessageView view, ConversationSummary after) {}

    /**
     * Appends a message with a file, or the first of a conversation this transaction made ({@code created}), and
     * answers both the message and the conversation after it.
     */
    Stored store(
            AccountId account,
            ConversationSummary conversation,
            NewRow row,
            Next next,
            String preview,
            AttachmentView file,
            boolean created) {
        Instant now = now();
        // A new resolution cycle may be rated again.
        Integer rating = "reopened".equals(row.activity()) ? null : conversation.rating();
        ConversationRepository.Appended stored =
                repository.append(account, conversation.id().value(), next, row, preview, rating, null, now);
        ConversationSummary after = stored.after();
        return new Stored(published(account, after, stored.messageId(), row, file, now, created), after);
    }

    MessageView published(
            AccountId account,
            ConversationSummary after,
            long messageId,
            NewRow row,
            AttachmentView file,
            Instant at,
            boolean created) {
        Map<Long, String> names = new HashMap<>();
        MessageView view = new MessageView(
                after.id().value(),
                after.lastSeq(),
                messageId,
                row.clientId(),
                row.kind(),
                row.author(),
                agentName(account, row.agent() == null ? null : row.agent().value(), names),
                row.body(),
                file,
                row.activity(),
                row.rating(),
                row.statusAfter(),
                subjectName(
                        account,
                        row.subjectAgent() == null ? null : row.subjectAgent().value(),
                        row.subjectTeam(),
                        names),
                at);
        events.publishEvent(new ConversationChanged(account, after, view, created));
        return view;
    }

    MessageView view(AccountId account, MessageRow row, Map<Long, String> names) {
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
                agentName(account, row.agentId(), names),
                row.body(),
                attachment,
                row.activity(),
                row.rating(),
                row.statusAfter(),
                subjectName(account, row.subjectAgentId(), row.subjectTeamId(), names),
                row.at());
    }

    private String agentName(AccountId account, Long agent, Map<Long, String> names) {
        if (agent == null) {
            return null;
        }
        return names.computeIfAbsent(
                agent, id -> accounts.displayName(account, new AgentId(id)).orElse(null));
    }

    private String subjectName(AccountId account, Long agent, Long team, Map<Long, String> names) {
        if (agent != null) {
            return agentName(account, agent, names);
        }
        if (team == null) {
            return null;
        }
        // Team ids are negated in the cache so they never meet an agent id.
        return names.computeIfAbsent(
                -team, id -> teams.find(account, team).map(TeamGroup::name).orElse(null));
    }

    Instant now() {
        return DatabaseTime.truncate(clock.instant());
    }
}
