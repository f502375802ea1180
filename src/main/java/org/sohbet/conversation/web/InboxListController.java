package org.sohbet.conversation.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.contact.Contact;
import org.sohbet.contact.ContactId;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.Access;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.ConversationStatus;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.ConversationViews;
import org.sohbet.conversation.ConversationViews.View;
import org.sohbet.conversation.Inbox;
import org.sohbet.conversation.Inboxes;
import org.sohbet.conversation.Label;
import org.sohbet.conversation.Labels;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The console's inbox lists: views with counts, status tabs, filters and pages. */
@Controller
class InboxListController {

    private final InboxListModel lists;

    InboxListController(InboxListModel lists) {
        this.lists = lists;
    }

    @GetMapping("/console/inbox")
    String inbox(@AuthenticationPrincipal SignedInAgent agent, @ModelAttribute ListFilter filter, Model model) {
        lists.add(agent, filter, null, model);
        return "conversation/inbox";
    }

    @GetMapping("/console/inbox/list")
    String list(@AuthenticationPrincipal SignedInAgent agent, @ModelAttribute ListFilter filter, Model model) {
        lists.add(agent, filter, filter.getSelected(), model);
        return "conversation/inbox :: list";
    }

    /** The list's query parameters, kept in every link so views, pages and conversations keep the filter. */
    public static class ListFilter {
        private String view = "all";
        private Long team;
        private String status = "open";
        private Long inbox;
        private Long label;
        private String after;
        private Long selected;
        private String sort;

        public String getSort() {
            return sort;
        }

        public void setSort(String sort) {
            this.sort = sort;
        }

        /** "urgent" asks for the most urgent first; anything else is the view's usual order. */
        boolean urgent() {
            return "urgent".equals(sort) && parsedStatus() != ConversationStatus.RESOLVED;
        }

        public String getView() {
            return view;
        }

        public void setView(String view) {
            this.view = view;
        }

        public Long getTeam() {
            return team;
        }

        public void setTeam(Long team) {
            this.team = team;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public Long getInbox() {
            return inbox;
        }

        public void setInbox(Long inbox) {
            this.inbox = inbox;
        }

        public Long getLabel() {
            return label;
        }

        public void setLabel(Long label) {
            this.label = label;
        }

        public String getAfter() {
            return after;
        }

        public void setAfter(String after) {
            this.after = after;
        }

        public Long getSelected() {
            return selected;
        }

        public void setSelected(Long selected) {
            this.selected = selected;
        }

        View parsedView() {
            View parsed = View.parse(view).orElse(View.ALL);
            return parsed == View.TEAM && team == null ? View.ALL : parsed;
        }

        ConversationStatus parsedStatus() {
            return ConversationStatus.parse(status).orElse(ConversationStatus.OPEN);
        }

        /** The query string for these filters, with one value changed. */
        public String query(String name, Object value) {
            Map<String, Object> values = values();
            values.put(name, value);
            return format(values);
        }

        /** The query string for another view, keeping status and filters. */
        public String viewQuery(View target, Long targetTeam) {
            Map<String, Object> values = values();
            values.put("view", target.code());
            values.put("team", target == View.TEAM ? targetTeam : null);
            return format(values);
        }

        private Map<String, Object> values() {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("view", parsedView().code());
            values.put("team", parsedView() == View.TEAM ? team : null);
            values.put("status", parsedStatus().code());
            values.put("inbox", inbox);
            values.put("label", label);
            values.put("sort", urgent() ? "urgent" : null);
            return values;
        }

        private static String format(Map<String, Object> values) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            values.forEach((k, v) -> {
                if (v != null) {
                    b.queryParam(k, v);
                }
            });
            return b.build().encode().getQuery();
        }
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
            String teamName,
            boolean unread,
            boolean queued,
            List<Label> labels,
            Due due) {}

    /**
     * The nearer service-level due time of a row, with the time left (or past) in whole units of {@code unit}:
     * {@code kind} is "firstResponse" or "resolution".
     */
    record Due(String kind, Instant at, boolean overdue, String unit, long amount) {

        public String key() {
            return "sla.list." + kind + (overdue ? ".overdue" : ".due");
        }

        static Due of(ConversationSummary c, Instant now) {
            Instant at = c.serviceDueAt();
            if (at == null) {
                return null;
            }
            String kind = at.equals(c.firstResponseDueAt()) ? "firstResponse" : "resolution";
            boolean overdue = !at.isAfter(now);
            long minutes =
                    Math.max(1, (Math.abs(java.time.Duration.between(now, at).toSeconds()) + 59) / 60);
            if (minutes < 60) {
                return new Due(kind, at, overdue, "minutes", minutes);
            }
            if (minutes < 48 * 60) {
                return new Due(kind, at, overdue, "hours", minutes / 60);
            }
            return new Due(kind, at, overdue, "days", minutes / (24 * 60));
        }
    }

    /** @param atLeast the count stopped at {@link ConversationViews#COUNT_CAP}: there may be more */
    record ViewLink(
            String code,
            Long team,
            String name,
            String labelKey,
            long count,
            boolean atLeast,
            String query,
            boolean current) {}

    @Component
    static class InboxListModel {

        private final ConversationViews views;
        private final Contacts contacts;
        private final Accounts accounts;
        private final Teams teams;
        private final Inboxes inboxes;
        private final Labels labels;
        private final Access access;
        private final Availability availability;
        private final java.time.Clock clock;

        InboxListModel(
                ConversationViews views,
                Contacts contacts,
                Accounts accounts,
                Teams teams,
                Inboxes inboxes,
                Labels labels,
                Access access,
                Availability availability,
                java.time.Clock clock) {
            this.clock = clock;
            this.views = views;
            this.contacts = contacts;
            this.accounts = accounts;
            this.teams = teams;
            this.inboxes = inboxes;
            this.labels = labels;
            this.access = access;
            this.availability = availability;
        }

        void add(SignedInAgent agent, ListFilter filter, Long selected, Model model) {
            View view = filter.parsedView();
            ConversationStatus status = filter.parsedStatus();
            ConversationViews.Page page = views.list(
                    agent,
                    new ConversationViews.Query(
                            view,
                            filter.getTeam(),
                            status,
                            filter.getInbox(),
                            filter.getLabel(),
                            filter.getAfter(),
                            filter.urgent()));
            Instant now = clock.instant();
            List<TeamGroup> allTeams = teams.list(agent.accountId());
            Map<Long, String> teamNames = allTeams.stream().collect(Collectors.toMap(TeamGroup::id, TeamGroup::name));
            Map<ContactId, Contact> people = contacts.findAll(
                    agent.accountId(),
                    page.rows().stream().map(ConversationSummary::contactId).collect(Collectors.toSet()));
            Map<Long, List<Label>> labelsOf = labels.ofAll(
                    agent.accountId(),
                    page.rows().stream().map(c -> c.id().value()).collect(Collectors.toSet()));
            Map<AgentId, String> names = new HashMap<>();
            List<ConversationRow> rows = new ArrayList<>();
            for (ConversationSummary c : page.rows()) {
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
                        c.teamId() == null ? null : teamNames.get(c.teamId()),
                        c.agentSeenSeq() < c.lastSeq(),
                        c.queued(),
                        labelsOf.getOrDefault(c.id().value(), List.of()),
                        Due.of(c, now)));
            }
            // Counts are for work in hand; resolved conversations pile up without end and their lists show none.
            ConversationViews.Counts counts = status == ConversationStatus.RESOLVED
                    ? new ConversationViews.Counts(-1, -1, -1, Map.of())
                    : views.counts(agent, status, filter.getInbox());
            Access.Scope scope = access.scope(agent);
            List<ViewLink> links = new ArrayList<>();
            links.add(link(filter, View.UNASSIGNED, null, null, counts.unassigned()));
            links.add(link(filter, View.MINE, null, null, counts.mine()));
            links.add(link(filter, View.ALL, null, null, counts.all()));
            for (TeamGroup team : allTeams) {
                if (scope.everything() || scope.teams().contains(team.id())) {
                    links.add(link(
                            filter,
                            View.TEAM,
                            team.id(),
                            team.name(),
                            counts.teams().getOrDefault(team.id(), 0L)));
                }
            }
            List<Inbox> visibleInboxes = inboxes.list(agent.accountId()).stream()
                    .filter(i -> scope.servesInbox(i.id()))
                    .toList();
            model.addAttribute("rows", rows);
            model.addAttribute("views", links);
            model.addAttribute("filter", filter);
            model.addAttribute("statuses", List.of("open", "pending", "snoozed", "resolved"));
            model.addAttribute("currentStatus", status.code());
            model.addAttribute("currentView", view.code());
            model.addAttribute("inboxes", visibleInboxes);
            model.addAttribute("labels", labels.list(agent.accountId()));
            model.addAttribute("nextQuery", page.next() == null ? null : filter.query("after", page.next()));
            model.addAttribute("listQuery", filter.query("after", null));
            model.addAttribute("selected", selected);
            model.addAttribute("urgent", filter.urgent());
            model.addAttribute(
                    "usualSort",
                    status == ConversationStatus.RESOLVED
                            ? "sla.sort.changed"
                            : view == View.UNASSIGNED ? "sla.sort.queue" : "sla.sort.activity");
            List<Availability.AgentState> team = availability.team(agent.accountId());
            model.addAttribute("team", team);
            model.addAttribute(
                    "me",
                    team.stream()
                            .filter(state -> state.agent().equals(agent.agentId()))
                            .findFirst()
                            .orElse(null));
        }

        private static ViewLink link(ListFilter filter, View view, Long team, String name, long count) {
            boolean current = filter.parsedView() == view && (view != View.TEAM || team.equals(filter.getTeam()));
            String query = filter.viewQuery(view, team);
            return new ViewLink(
                    view.code(),
                    team,
                    name,
                    "inbox.view." + view.code(),
                    count,
                    count >= ConversationViews.COUNT_CAP,
                    query,
                    current);
        }
    }
}
