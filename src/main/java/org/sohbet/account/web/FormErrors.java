package org.sohbet.account.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sohbet.account.AccountProblem;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** Field errors for a form page, as message keys by field name; templates show them next to their inputs. */
final class FormErrors {

    private FormErrors() {}

    static String show(
            AccountProblem problem, Model model, String view, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(problem.field(), problem.code());
        model.addAttribute("errors", errors);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    static void none(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }
}
