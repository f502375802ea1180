package org.sohbet.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;

/**
 * Field errors of the routing settings forms, as message keys by field name, shown next to their inputs by
 * {@code layout/settings :: error(field)}. Same answer as the account module's forms: 422 with the form again.
 */
final class SettingsForms {

    private SettingsForms() {}

    static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins change these settings");
        }
    }

    @SuppressWarnings("unchecked")
    static void show(String field, String code, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object existing = model.getAttribute("errors");
        if (existing instanceof Map<?, ?> map) {
            errors.putAll((Map<String, String>) map);
        }
        errors.putIfAbsent(field, code);
        model.addAttribute("errors", errors);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }

    static void none(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    /** A whole number typed into a form, or null when it is not one. */
    static Integer number(String text) {
        if (text == null || !text.strip().matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }
}
