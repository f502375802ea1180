package org.sohbet.shared.web;

import java.util.List;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Component;

/** The languages offered by pickers, for templates as {@code @languageChoices}. */
@Component("languageChoices")
public class LanguageChoices {

    public List<Language> all() {
        return List.of(Language.values());
    }
}
