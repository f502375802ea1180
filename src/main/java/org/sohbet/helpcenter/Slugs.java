package org.sohbet.helpcenter;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Readable path segments made from titles. Letters and digits of any script stay, so a Persian or Arabic title gives a
 * Persian or Arabic slug; everything else becomes a single hyphen.
 */
final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {}

    static String of(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK && !slug.isEmpty()) {
                if (hyphen && !slug.isEmpty()) {
                    slug.append('-');
                }
                hyphen = false;
                slug.appendCodePoint(cp);
            } else if (Character.getType(cp) != Character.FORMAT) {
                hyphen = true;
            }
            if (slug.length() >= MAX_LENGTH) {
                break;
            }
        }
        String result = slug.toString();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH);
        }
        if (!result.isEmpty() && Character.isHighSurrogate(result.charAt(result.length() - 1))) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** An account's help-center address part: ASCII only, as it is typed by hand and printed on paper. */
    static String ofCenter(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name.replace('ı', 'i'), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 40) {
            ascii = ascii.substring(0, 40).replaceAll("-+$", "");
        }
        return ascii.length() < 2 ? "help" : ascii;
    }
}
