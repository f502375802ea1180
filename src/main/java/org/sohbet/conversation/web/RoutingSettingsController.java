package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.account.AgentId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.account.TeamGroup;
import org.sohbet.account.Teams;
import org.sohbet.conversation.Availability;
import org.sohbet.conversation.BusinessHours;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.Inbox;
import org.sohbet.conversation.Inboxes;
import org.sohbet.shared.i18n.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings of one inbox's routing: who serves it, automatic assignment, the no-answer timeout, weekly hours in the
 * account's timezone, holidays and the away text per language. Owners and admins only.
 */
@Controller
class RoutingSettingsController {

    /** Up to two opening ranges a day, as on most shops' opening-hours signs (a lunch break). */
    static final int RANGES_PER_DAY = 2;

    private static final int MAX_NO_ANSWER_MINUTES = 1440;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Inboxes inboxes;
    private final Teams teams;
    private final Availability availability;
    private final Accounts accounts;

    RoutingSettingsController(Inboxes inboxes, Teams teams, Availability availability, Accounts accounts) {
        this.inboxes = inboxes;
        this.teams = teams;
        this.availability = availability;
        this.accounts = accounts;
    }

    /** What the form shows: stored rules, or what was typed when it had mistakes. */
    record RoutingForm(
            boolean restricted,
            Set<Long> agents,
            Set<Long> teams,
            boolean autoAssign,
            String noAnswerMinutes,
            Map<String, String> times,
            String holidays,
            Map<String, String> away) {}

    record Day(String code, String name) {}

    @GetMapping("/console/settings/inboxes/{id}/routing")
    String show(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, Locale locale, Model model) {
        SettingsForms.requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        model.addAttribute("form", form(inboxes.rules(agent.accountId(), id)));
        return page(agent, inbox, locale, model);
    }

    @PostMapping("/console/settings/inboxes/{id}/routing")
    String save(
            @AuthenticationPrincipal SignedInAgent agent,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        SettingsForms.requireManager(agent);
        Inbox inbox = inboxes.get(agent.accountId(), id);
        RoutingForm form = typed(params);
        Map<String, String> errors = new LinkedHashMap<>();

        Integer noAnswer = null;
        if (!form.noAnswerMinutes().isBlank()) {
            noAnswer = SettingsForms.number(form.noAnswerMinutes());
            if (noAnswer == null || noAnswer < 1 || noAnswer > MAX_NO_ANSWER_MINUTES) {
                errors.put("noAnswerMinutes", "settingsRouting.error.noAnswer");
            }
        }
        Map<DayOfWeek, List<BusinessHours.Range>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<BusinessHours.Range> ranges = new ArrayList<>();
            for (int i = 0; i < RANGES_PER_DAY; i++) {
                String from = form.times().getOrDefault(key(day, i, "from"), "");
                String to = form.times().getOrDefault(key(day, i, "to"), "");
                if (from.isBlank() && to.isBlank()) {
                    continue;
                }
                String field = "hours-" + code(day);
                if (from.isBlank() || to.isBlank()) {
                    errors.putIfAbsent(field, "settingsRouting.error.rangeIncomplete");
                    continue;
                }
                try {
                    ranges.add(new BusinessHours.Range(LocalTime.parse(from.strip()), LocalTime.parse(to.strip())));
                } catch (DateTimeParseException e) {
                    errors.putIfAbsent(field, "settingsRouting.error.time");
                } catch (ConversationProblem e) {
                    errors.putIfAbsent(field, "settingsRouting.error.rangeOrder");
                }
            }
            if (!ranges.isEmpty()) {
                week.put(day, List.copyOf(ranges));
            }
        }
        Set<LocalDate> holidays = new TreeSet<>();
        for (String line : form.holidays().split("[\\s,]+")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                holidays.add(LocalDate.parse(line.strip()));
            } catch (DateTimeParseException e) {
                errors.putIfAbsent("holidays", "settingsRouting.error.holiday");
            }
        }
        form.away().forEach((tag, text) -> {
            if (text.strip().length() > Inboxes.MAX_AWAY_TEXT) {
                errors.put("away-" + tag, "settingsRouting.error.awayText");
            }
        });

        if (errors.isEmpty()) {
            try {
                inboxes.updateRules(
                        agent,
                        id,
                        new Inboxes.Rules(
                                form.restricted(),
                                ownAgents(agent.accountId(), form.agents()),
                                ownTeams(agent.accountId(), form.teams()),
                                form.autoAssign(),
                                noAnswer,
                                week,
                                List.copyOf(holidays),
                                form.away()));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/console/settings/inboxes/" + id + "/routing";
            } catch (ConversationProblem problem) {
                errors.put("form", "conversation.error.invalid");
            }
        }
        errors.forEach((field, code) -> SettingsForms.show(field, code, model, response));
        model.addAttribute("form", form);
        return page(agent, inbox, locale, model);
    }

    private String page(SignedInAgent agent, Inbox inbox, Locale locale, Model model) {
        SettingsForms.none(model);
        model.addAttribute("inbox", inbox);
        model.addAttribute("agents", availability.team(agent.accountId()));
        model.addAttribute("teams", teams.list(agent.accountId()));
        model.addAttribute("languages", Language.values());
        model.addAttribute(
                "days",
                java.util.Arrays.stream(DayOfWeek.values())
                        .map(d -> new Day(code(d), d.getDisplayName(TextStyle.FULL, locale)))
                        .toList());
        model.addAttribute(
                "slots",
                java.util.stream.IntStream.range(0, RANGES_PER_DAY).boxed().toList());
        model.addAttribute(
                "timezone",
                accounts.find(agent.accountId())
                        .map(Accounts.AccountSummary::timezone)
                        .orElse(ZoneOffset.UTC)
                        .getId());
        return "conversation/routing-settings";
    }

    private static RoutingForm form(Inboxes.Rules rules) {
        Map<String, String> times = new HashMap<>();
        rules.week().forEach((day, ranges) -> {
            for (int i = 0; i < ranges.size() && i < RANGES_PER_DAY; i++) {
                times.put(key(day, i, "from"), ranges.get(i).from().format(TIME));
                times.put(key(day, i, "to"), ranges.get(i).to().format(TIME));
            }
        });
        return new RoutingForm(
                rules.restricted(),
                rules.agents().stream().map(AgentId::value).collect(Collectors.toSet()),
                Set.copyOf(rules.teams()),
                rules.autoAssign(),
                rules.noAnswerMinutes() == null ? "" : rules.noAnswerMinutes().toString(),
                times,
                rules.holidays().stream().map(LocalDate::toString).collect(Collectors.joining("\n")),
                rules.awayText());
    }

    private static RoutingForm typed(MultiValueMap<String, String> params) {
        Map<String, String> times = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int i = 0; i < RANGES_PER_DAY; i++) {
                for (String end : List.of("from", "to")) {
                    String value = params.getFirst(key(day, i, end));
                    times.put(key(day, i, end), value == null ? "" : value);
                }
            }
        }
        Map<String, String> away = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            String value = params.getFirst("away." + language.tag());
            away.put(language.tag(), value == null ? "" : value);
        }
        return new RoutingForm(
                params.containsKey("restricted"),
                longs(params.get("agent")),
                longs(params.get("team")),
                params.containsKey("autoAssign"),
                orEmpty(params.getFirst("noAnswerMinutes")),
                times,
                orEmpty(params.getFirst("holidays")),
                away);
    }

    /** Checkboxes name only the account's agents; anything else sent is dropped, as the team form does. */
    private Set<AgentId> ownAgents(AccountId account, Set<Long> chosen) {
        return availability.team(account).stream()
                .map(Availability.AgentState::agent)
                .filter(a -> chosen.contains(a.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<Long> ownTeams(AccountId account, Set<Long> chosen) {
        return teams.list(account).stream()
                .map(TeamGroup::id)
                .filter(chosen::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<Long> longs(List<String> values) {
        Set<Long> result = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                try {
                    result.add(Long.valueOf(value.strip()));
                } catch (NumberFormatException ignored) {
                    // Not one of the checkboxes' values: nothing to keep.
                }
            }
        }
        return result;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String key(DayOfWeek day, int range, String end) {
        return code(day) + "-" + range + "-" + end;
    }

    static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
