package org.sohbet.shared.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Sohbet speaks. Persian and Arabic are written right to left. */
public enum Language {
    ENGLISH("en", false),
    PERSIAN("fa", true),
    ARABIC("ar", true),
    TURKISH("tr", false),
    BULGARIAN("bg", false);

    public static final Language DEFAULT = ENGLISH;

    private final String tag;
    private final boolean rightToLeft;
    private final Locale locale;

    Language(String tag, boolean rightToLeft) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
        this.locale = Locale.forLanguageTag(tag);
    }

    public String tag() {
        return tag;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return locale;
    }

    /** The language's own name for itself, as shown in language pickers. */
    public String nativeName() {
        return locale.getDisplayLanguage(locale);
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    public static Language of(Locale locale) {
        return locale == null ? DEFAULT : fromTag(locale.toLanguageTag()).orElse(DEFAULT);
    }

    /** Picks the best supported language for an HTTP Accept-Language header, honouring its q-values. */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            Optional<Language> match = fromTag(range.getRange().replace("*", ""));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
