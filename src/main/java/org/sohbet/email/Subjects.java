package org.sohbet.email;

import java.util.Locale;
import java.util.regex.Pattern;

/** Subjects without their reply and forward prefixes, in the languages Sohbet speaks and the common clients'. */
final class Subjects {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:\\s*(?:re|fw|fwd|aw|wg|sv|vs|ynt|ilt|İlt|отг|пр|рд|رد|ارسال|پاسخ|هدایت)\\s*(?:\\[\\d+])?\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Subjects() {}

    static String base(String subject) {
        return subject == null
                ? ""
                : PREFIX.matcher(subject.strip()).replaceFirst("").strip();
    }

    static boolean sameThread(String a, String b) {
        return base(a).toLowerCase(Locale.ROOT).equals(base(b).toLowerCase(Locale.ROOT));
    }

    /** The subject of a reply: "Re: " and the base subject. */
    static String reply(String subject) {
        return "Re: " + base(subject);
    }
}
