package org.sohbet.helpcenter;

import java.util.Map;
import org.sohbet.shared.i18n.Language;

/** A group of articles, named in each language that has a name for it. */
record Category(long id, int position, Map<Language, Name> names) {

    record Name(String name, String slug) {}

    /** The name in the language, else in any language, so an untranslated category still shows. */
    public String name(Language language) {
        Name name = names.get(language);
        if (name != null) {
            return name.name();
        }
        return names.values().stream().map(Name::name).findFirst().orElse("#" + id);
    }
}
