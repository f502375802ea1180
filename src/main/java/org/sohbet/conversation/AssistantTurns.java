package org.sohbet.conversation;

import java.util.List;
import java.util.Optional;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.ConversationRepository.NewRow;
import org.sohbet.conversation.ConversationRepository.Next;
import org.sohbet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an assistant (the FAQ bot) may do in a conversation, whatever module runs it: answer, resolve when the contact
 * says the answer helped, and hand the conversation to a person. None of it touches the assignment or the queue
 * (ADR 0022): the conversation waits in the queue as any other while the assistant answers, so a person is never
 * further away than without it.
 */
@Service
public class AssistantTurns {

    /** How far back the assistant looks for an agent or a hand-off in the current cycle. */
    static final int LOOK_BACK = 200;

    private final ConversationRepository repository;
    private final Timeline timeline;
    private final Cycles cycles;
    private final Conversations conversations;

    AssistantTurns(ConversationRepository repository, Timeline timeline, Cycles cycles, Conversations conversations) {
        this.repository = repository;
        this.timeline = timeline;
        this.cycles = cycles;
        this.conversations = conversations;
    }

    /**
     * Whether the assistant may speak: the conversation is open, and since it last opened no agent has acted in it
     * and the assistant has not handed it to a person.
     */
    public boolean mayAnswer(AccountId account, ConversationId id) {
        Optional<ConversationSummary> found = repository.find(account, id);
        if (found.isEmpty() || found.get().status() != ConversationStatus.OPEN) {
            return false;
        }
        long last = found.get().lastSeq();
        List<MessageView> recent = conversations.messagesBetween(account, id, Math.max(0, last - LOOK_BACK), last);
        for (int i = recent.size() - 1; i >= 0; i--) {
            MessageView m = recent.get(i);
            if (m.author() == Author.AGENT || "handed_off".equals(m.activity())) {
                return false;
            }
            if ("resolved".equals(m.activity())) {
                return true;
            }
        }
        return true;
    }

    /** The assistant's answer, a text message that changes nothing else about the conversation. */
    @Transactional
    public MessageView answer(AccountId account, ConversationId id, String text) {
        String body = MessageText.check(text);
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        return timeline.append(
                account,
                conversation,
                new NewRow("text", Author.ASSISTANT, null, body, null, null, null, null, conversation.status()),
                Next.of(conversation),
                MessageText.preview(body));
    }

    /** The contact said the answer helped: the conversation is resolved by the assistant and leaves the queue. */
    @Transactional
    public Optional<MessageView> resolve(AccountId account, ConversationId id) {
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            return Optional.empty();
        }
        Next next = Next.of(conversation)
                .status(ConversationStatus.RESOLVED)
                .queued(null)
                .due(null)
                .snoozed(null)
                .serviceDue(null, null);
        MessageView message = timeline.append(
                account,
                conversation,
                Conversations.activity(Author.ASSISTANT, null, "resolved", ConversationStatus.RESOLVED),
                next,
                null);
        cycles.resolved(conversation, conversation.assigneeId(), message.at());
        return Optional.of(message);
    }

    /**
     * The contact wants a person: an activity line tells the agents, and an open conversation nobody has keeps (or
     * takes again) its place in the queue. A resolved one is left alone; the contact's next message reopens it.
     */
    @Transactional
    public Optional<MessageView> handToPerson(AccountId account, ConversationId id) {
        ConversationSummary conversation = repository.lock(account, id).orElseThrow(NotFoundException::new);
        if (conversation.status() == ConversationStatus.RESOLVED) {
            return Optional.empty();
        }
        Next next = Next.of(conversation);
        if (conversation.assigneeId() == null && conversation.queuedAt() == null) {
            next = next.queued(timeline.now());
        }
        if (conversation.status() != ConversationStatus.OPEN) {
            next = next.status(ConversationStatus.OPEN).snoozed(null);
        }
        return Optional.of(timeline.append(
                account,
                conversation,
                Conversations.activity(Author.ASSISTANT, null, "handed_off", next.status()),
                next,
                null));
    }
}
