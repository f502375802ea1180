package org.sohbet.shared.web;

import java.util.List;
import org.sohbet.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console shell's sections. Each module takes over its own section as it is built; until then the section says
 * honestly that it is coming.
 */
@Controller
class ConsolePages {

    static final List<String> SECTIONS = List.of("contacts", "reports");

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/inbox";
    }

    @GetMapping("/console/settings")
    String settings() {
        return "redirect:/console/settings/profile";
    }

    @GetMapping("/console/{section}")
    String section(@PathVariable String section, Model model) {
        if (!SECTIONS.contains(section)) {
            throw new NotFoundException();
        }
        model.addAttribute("section", section);
        return "console/coming-soon";
    }
}
