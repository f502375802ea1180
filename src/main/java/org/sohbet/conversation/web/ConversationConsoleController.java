package org.sohbet.conversation.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.ContactId;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.AttachmentView;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.ConversationStatus;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's inbox: the live list of conversations and one conversation with its messages. */
@Controller
class ConversationConsoleController {

    private static final Set<String> FILTERS = Set.of("open", "resolved", "all");

    private final Conversations conversations;
    private final Contacts contacts;
    private final Accounts accounts;

    ConversationConsoleController(Conversations conversations, Contacts contacts, Accounts accounts) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
    }

    /** One line of the list. {@code title} is null for a visitor without name or email; the view says "Visitor n". */
    record ConversationRow(
            long id,
            String title,
            long contactNumber,
            boolean verified,
            String status,
            String preview,
            Instant updatedAt,
            String assigneeName,
            boolean unread) {}

    record MessageLine(
            long seq,
            String kind,
            String author,
            String authorName,
            String html,
            AttachmentView attachment,
            String activity,
            Integer rating,
            String text,
            Instant at) {}

    @GetMapping("/console/inbox")
    String inbox(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "open") String status,
            Model model) {
        addList(agent, status, model);
        return "conversation/inbox";
    }

    @GetMapping("/console/inbox/list")
    String list(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) Long selected,
            Model model) {
        addList(agent, status, model);
        model.addAttribute("selected", selected);
        return "conversation/inbox :: list";
    }

    @GetMapping("/console/conversations/{id}")
    String conversation(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(defaultValue = "open") String status,
            Model model) {
        ConversationSummary conversation = find(agent, id);
        addList(agent, status, model);
        addConversation(agent, conversation, model);
        model.addAttribute("selected", id);
        model.addAttribute("messages", lines(agent, conversation.id(), 0));
        return "conversation/conversation";
    }

    @GetMapping("/console/conversations/{id}/messages")
    String messages(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long after,
            Model model) {
        ConversationSummary conversation = find(agent, id);
        model.addAttribute("messages", lines(agent, conversation.id(), after));
        return "conversation/conversation :: messages";
    }

    @GetMapping("/console/conversations/{id}/header")
    String header(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Model model) {
        addConversation(agent, find(agent, id), model);
        return "conversation/conversation :: header";
    }

    /** The reply form without the socket (no script, or the socket is down); the same idempotent send. */
    @PostMapping("/console/conversations/{id}/messages")
    String reply(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String clientId,
            HtmxRequest htmx,
            Model model) {
        ConversationSummary conversation = find(agent, id);
        try {
            conversations.postFromAgent(
                    agent.accountId(),
                    agent.agentId(),
                    conversation.id(),
                    clientId == null || clientId.isBlank() ? UUID.randomUUID().toString() : clientId,
                    text);
        } catch (ConversationProblem problem) {
            model.addAttribute("replyError", "chat.error." + problem.code());
            model.addAttribute("replyText", text);
        }
        if (htmx.isHtmxRequest() && !model.containsAttribute("replyError")) {
            return "redirect:/console/conversations/" + id;
        }
        return conversation(agent, id, "open", model);
    }

    @PostMapping("/console/conversations/{id}/{action:claim|resolve|reopen}")
    String act(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @PathVariable String action,
            HtmxRequest htmx,
            Model model) {
        ConversationId conversation = find(agent, id).id();
        try {
            switch (action) {
                case "claim" -> conversations.claim(agent.accountId(), agent.agentId(), conversation);
                case "resolve" -> conversations.resolve(agent.accountId(), agent.agentId(), conversation);
                default -> conversations.reopen(agent.accountId(), agent.agentId(), conversation);
            }
        } catch (ConversationProblem alreadyThere) {
            // Another agent did the same a moment ago; the refreshed header shows the current state.
        }
        if (htmx.isHtmxRequest()) {
            return header(agent, id, model);
        }
        return "redirect:/console/conversations/" + id;
    }

    private ConversationSummary find(SignedInAgent agent, long id) {
        return conversations.find(agent.accountId(), new ConversationId(id)).orElseThrow(NotFoundException::new);
    }

    private void addList(SignedInAgent agent, String status, Model model) {
        String filter = FILTERS.contains(status) ? status : "open";
        ConversationStatus wanted =
                switch (filter) {
                    case "open" -> ConversationStatus.OPEN;
                    case "resolved" -> ConversationStatus.RESOLVED;
                    default -> null;
                };
        List<ConversationSummary> found = conversations.list(agent.accountId(), wanted, 200);
        Map<ContactId, Contact> people = contacts.findAll(
                agent.accountId(),
                found.stream().map(ConversationSummary::contactId).collect(Collectors.toSet()));
        Map<AgentId, String> names = new HashMap<>();
        List<ConversationRow> rows = new ArrayList<>();
        for (ConversationSummary c : found) {
            Contact contact = people.get(c.contactId());
            String assignee = c.assigneeId() == null
                    ? null
                    : names.computeIfAbsent(c.assigneeId(), a -> accounts.displayName(agent.accountId(), a)
                            .orElse(null));
            rows.add(new ConversationRow(
                    c.id().value(),
                    contact == null ? null : contact.displayName(),
                    c.contactId().value(),
                    contact != null && contact.verified(),
                    c.status().code(),
                    c.lastPreview(),
                    c.updatedAt(),
                    assignee,
                    c.agentSeenSeq() < c.lastSeq()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
    }

    private void addConversation(SignedInAgent agent, ConversationSummary conversation, Model model) {
        Contact contact =
                contacts.find(agent.accountId(), conversation.contactId()).orElse(null);
        model.addAttribute("conversation", conversation);
        model.addAttribute("contact", contact);
        model.addAttribute(
                "assigneeName",
                conversation.assigneeId() == null
                        ? null
                        : accounts.displayName(agent.accountId(), conversation.assigneeId())
                                .orElse(null));
        model.addAttribute("mine", agent.agentId().equals(conversation.assigneeId()));
    }

    private List<MessageLine> lines(SignedInAgent agent, ConversationId id, long after) {
        List<MessageLine> lines = new ArrayList<>();
        conversations.forEachMessage(
                agent.accountId(),
                id,
                after,
                Long.MAX_VALUE,
                m -> lines.add(new MessageLine(
                        m.seq(),
                        m.kind(),
                        m.author().code(),
                        m.authorName(),
                        MessageHtml.render(m.text()),
                        m.attachment(),
                        m.activity(),
                        m.rating(),
                        m.text(),
                        m.at())));
        return lines;
    }
}
