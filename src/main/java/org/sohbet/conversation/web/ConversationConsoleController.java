package org.sohbet.conversation.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Access;
import org.sohbet.conversation.AttachmentView;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.sohbet.conversation.Labels;
import org.sohbet.conversation.MessageView;
import org.sohbet.conversation.web.InboxListController.InboxListModel;
import org.sohbet.conversation.web.InboxListController.ListFilter;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Formats;
import org.sohbet.shared.web.ConsolePolicy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One conversation in the console: its messages, contact, assignment, labels, figures, and the agent's actions. */
@Controller
class ConversationConsoleController {

    private final Conversations conversations;
    private final Contacts contacts;
    private final Accounts accounts;
    private final Teams teams;
    private final Labels labels;
    private final Inboxes inboxes;
    private final Access access;
    private final Availability availability;
    private final InboxListModel lists;
    private final MessageSource messages;
    private final Formats formats;

    ConversationConsoleController(
            MessageSource messages,
            Formats formats,
            Conversations conversations,
            Contacts contacts,
            Accounts accounts,
            Teams teams,
            Labels labels,
            Inboxes inboxes,
            Access access,
            Availability availability,
            InboxListModel lists) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.teams = teams;
        this.labels = labels;
        this.inboxes = inboxes;
        this.access = access;
        this.availability = availability;
        this.lists = lists;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * One message as the thread shows it, with its texts resolved here: a conversation of 500 messages rendered
     * with a dozen template expressions each spent most of the page's time in the template engine.
     *
     * @param activityText for an activity, the sentence that says what happened
     */
    record MessageLine(
            long seq,
            String cssClass,
            boolean note,
            String authorLabel,
            String html,
            AttachmentView attachment,
            String activityText,
            String ratingText,
            String quote,
            String timeIso,
            String time) {}

    record Choice(long id, String name) {}

    @GetMapping("/console/conversations/{id}")
    String conversation(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @ModelAttribute ListFilter filter,
            Model model) {
        ConversationSummary conversation = find(agent, id);
        lists.add(agent, filter, id, model);
        addConversation(agent, conversation, model);
        model.addAttribute("messages", lines(agent, conversation.id(), 0));
        return "conversation/conversation";
    }

    /**
     * One conversation alone, for a pane of the split view (ADR 0038): the same thread and reply box, without the
     * console around it. A conversation the agent may not see answers 404 with a page that says so in the pane.
     */
    @GetMapping("/console/conversations/{id}/pane")
    String pane(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        // Set before Spring Security writes its headers, which only fill in missing ones.
        response.setHeader("Content-Security-Policy", ConsolePolicy.FRAMED_BY_CONSOLE);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        var conversation = conversations.visible(agent, new ConversationId(id));
        if (conversation.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "conversation/pane-missing";
        }
        addConversation(agent, conversation.get(), model);
        model.addAttribute("messages", lines(agent, conversation.get().id(), 0));
        return "conversation/pane";
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
            @RequestParam(defaultValue = "reply") String mode,
            HtmxRequest htmx,
            Model model) {
        ConversationSummary conversation = find(agent, id);
        String client =
                clientId == null || clientId.isBlank() ? UUID.randomUUID().toString() : clientId;
        try {
            if ("note".equals(mode)) {
                conversations.addNote(agent, conversation.id(), client, text);
            } else {
                conversations.postFromAgent(agent, conversation.id(), client, text);
            }
        } catch (ConversationProblem problem) {
            model.addAttribute("replyError", "chat.error." + problem.code());
            model.addAttribute("replyText", text);
        }
        if (htmx.isHtmxRequest() && !model.containsAttribute("replyError")) {
            return "redirect:/console/conversations/" + id;
        }
        return conversation(agent, id, new ListFilter(), model);
    }

    @PostMapping("/console/conversations/{id}/{action:claim|resolve|reopen|unassign|pending}")
    String act(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @PathVariable String action,
            HtmxRequest htmx,
            Model model) {
        ConversationId conversation = find(agent, id).id();
        try {
            switch (action) {
                case "claim" -> conversations.claim(agent, conversation);
                case "resolve" -> conversations.resolve(agent, conversation);
                case "unassign" -> conversations.unassign(agent, conversation);
                case "pending" -> conversations.markPending(agent, conversation);
                default -> conversations.reopen(agent, conversation);
            }
        } catch (ConversationProblem problem) {
            // Another agent acted a moment ago: the refreshed header shows the current state and says so.
            model.addAttribute("actionError", "conversation.error." + problem.code());
        }
        return afterAction(agent, id, htmx, model);
    }

    /** Snoozes until a local date and time in the account's timezone ({@code datetime-local} input). */
    @PostMapping("/console/conversations/{id}/snooze")
    String snooze(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(required = false) String until,
            HtmxRequest htmx,
            Model model) {
        ConversationId conversation = find(agent, id).id();
        try {
            conversations.snooze(agent, conversation, localToInstant(agent.accountId(), until));
        } catch (ConversationProblem problem) {
            model.addAttribute("actionError", "conversation.error.snooze");
        }
        return afterAction(agent, id, htmx, model);
    }

    /** Assigns or transfers to an agent ({@code agent:ID}) or a team ({@code team:ID}), with an optional note. */
    @PostMapping("/console/conversations/{id}/assign")
    String assign(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String note,
            HtmxRequest htmx,
            Model model) {
        ConversationId conversation = find(agent, id).id();
        try {
            if (to == null || !to.matches("(agent|team):\\d{1,18}")) {
                throw new ConversationProblem("invalid");
            }
            long target = Long.parseLong(to.substring(to.indexOf(':') + 1));
            if (to.startsWith("agent:")) {
                conversations.assign(agent, conversation, new AgentId(target), null, note);
            } else {
                conversations.assign(agent, conversation, null, target, note);
            }
        } catch (ConversationProblem problem) {
            model.addAttribute("actionError", "conversation.error." + problem.code());
        } catch (NotFoundException unknownTeam) {
            model.addAttribute("actionError", "conversation.error.invalid");
        }
        return afterAction(agent, id, htmx, model);
    }

    @PostMapping("/console/conversations/{id}/labels")
    String setLabels(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam(name = "label", required = false) List<Long> chosen,
            HtmxRequest htmx,
            Model model) {
        ConversationId conversation = find(agent, id).id();
        labels.set(agent, conversation, chosen == null ? Set.of() : Set.copyOf(chosen));
        return afterAction(agent, id, htmx, model);
    }

    private String afterAction(SignedInAgent agent, long id, HtmxRequest htmx, Model model) {
        if (htmx.isHtmxRequest()) {
            return header(agent, id, model);
        }
        return "redirect:/console/conversations/" + id;
    }

    private Instant localToInstant(AccountId account, String local) {
        if (local == null || local.isBlank()) {
            throw new ConversationProblem("invalid");
        }
        ZoneId zone =
                accounts.find(account).map(Accounts.AccountSummary::timezone).orElse(ZoneOffset.UTC);
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConversationProblem("invalid");
        }
    }

    private ConversationSummary find(SignedInAgent agent, long id) {
        return conversations.visible(agent, new ConversationId(id)).orElseThrow(NotFoundException::new);
    }

    private void addConversation(SignedInAgent agent, ConversationSummary conversation, Model model) {
        AccountId account = agent.accountId();
        Contact contact = contacts.find(account, conversation.contactId()).orElse(null);
        model.addAttribute("conversation", conversation);
        model.addAttribute("contact", contact);
        model.addAttribute(
                "assigneeName",
                conversation.assigneeId() == null
                        ? null
                        : accounts.displayName(account, conversation.assigneeId())
                                .orElse(null));
        model.addAttribute(
                "teamName",
                conversation.teamId() == null
                        ? null
                        : teams.find(account, conversation.teamId())
                                .map(TeamGroup::name)
                                .orElse(null));
        model.addAttribute(
                "inboxName",
                inboxes.find(account, conversation.inboxId()).map(i -> i.name()).orElse(null));
        model.addAttribute("mine", agent.agentId().equals(conversation.assigneeId()));
        model.addAttribute("conversationLabels", labels.of(agent, conversation.id()));
        model.addAttribute("allLabels", labels.list(account));
        model.addAttribute(
                "figures", conversations.figures(agent, conversation.id()).orElse(null));
        model.addAttribute("queueSpot", conversations.queueSpot(conversation).orElse(null));
        List<Choice> agentChoices = new ArrayList<>();
        var servers = access.servers(account, conversation.inboxId(), conversation.teamId(), conversation.sellerId());
        for (Availability.AgentState state : availability.team(account)) {
            if (servers.contains(state.agent()) && !state.agent().equals(conversation.assigneeId())) {
                agentChoices.add(new Choice(state.agent().value(), state.name()));
            }
        }
        model.addAttribute("agentChoices", agentChoices);
        model.addAttribute(
                "teamChoices",
                teams.list(account).stream()
                        .map(t -> new Choice(t.id(), t.name()))
                        .toList());
    }

    private List<MessageLine> lines(SignedInAgent agent, ConversationId id, long after) {
        List<MessageLine> lines = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        String visitor = messages.getMessage("conversation.author.visitor", null, locale);
        conversations.forEachMessage(agent.accountId(), id, after, Long.MAX_VALUE, m -> {
            String author = m.author().code();
            boolean activity = m.isActivity();
            lines.add(new MessageLine(
                    m.seq(),
                    "message " + author + " " + m.kind(),
                    m.isNote(),
                    activity ? null : authorLabel(m, visitor, locale),
                    activity || m.text() == null ? null : MessageHtml.render(m.text()),
                    m.attachment(),
                    activity ? activityText(m, author, locale) : null,
                    m.rating() == null
                            ? null
                            : messages.getMessage("conversation.ratingValue", new Object[] {m.rating()}, locale),
                    activity ? m.text() : null,
                    m.at().toString(),
                    formats.dateTime(m.at())));
        });
        return lines;
    }

    private String authorLabel(MessageView m, String visitor, Locale locale) {
        return switch (m.author()) {
            case AGENT -> m.authorName();
            case ASSISTANT -> messages.getMessage("bot.author", null, locale);
            default -> visitor;
        };
    }

    private String activityText(MessageView m, String author, Locale locale) {
        if ("assistant".equals(author)) {
            String key = "bot.activity." + m.activity();
            return messages.getMessage(key, null, key, locale);
        }
        String key = "conversation.activity." + m.activity();
        Object[] args;
        if ("system".equals(author)) {
            key += ".system";
            args = new Object[] {m.subjectName()};
        } else if ("visitor".equals(author)) {
            key += ".visitor";
            args = null;
        } else {
            args = new Object[] {m.authorName(), m.subjectName()};
        }
        return messages.getMessage(key, args, key, locale);
    }
}
