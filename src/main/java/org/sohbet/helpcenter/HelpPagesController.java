package org.sohbet.helpcenter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.sohbet.account.SignedInAgent;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Help center, Widget suggestions: which articles the widget's help view suggests on which shop pages. */
@Controller
class HelpPagesController {

    private final HelpPages pages;
    private final ArticleEditor editor;

    HelpPagesController(HelpPages pages, ArticleEditor editor) {
        this.pages = pages;
        this.editor = editor;
    }

    @GetMapping("/console/help/suggestions")
    String show(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        requireManager(agent);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("rules", pages.rules(agent.accountId()));
        model.addAttribute("articles", editor.all(agent.accountId()));
        return "helpcenter/console-suggestions";
    }

    @PostMapping("/console/help/suggestions")
    String add(
            @AuthenticationPrincipal SignedInAgent agent,
            @RequestParam(required = false) String pattern,
            @RequestParam(required = false) String article,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireManager(agent);
        try {
            long articleId = article == null || !article.matches("[0-9]{1,18}") ? 0 : Long.parseLong(article);
            pages.addRule(agent.accountId(), pattern, articleId);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/console/help/suggestions";
        } catch (HelpProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Map.of(problem.field(), problem.code()));
            model.addAttribute("pattern", pattern);
            return show(agent, model);
        }
    }

    @PostMapping("/console/help/suggestions/{id}/delete")
    String remove(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long id, RedirectAttributes redirect) {
        requireManager(agent);
        pages.removeRule(agent.accountId(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/console/help/suggestions";
    }

    private static void requireManager(SignedInAgent agent) {
        if (!agent.role().managesTeam()) {
            throw new AccessDeniedException("Owners and admins set up the help center");
        }
    }
}
