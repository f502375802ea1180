package org.sohbet.shared.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Locale-aware dates and numbers through ICU4J, used by templates as {@code @formats}. The language comes from the
 * request's locale; the zone, calendar and digits from the agent's preferences.
 */
@Component("formats")
public class Formats {

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(instant, Language.of(LocaleContextHolder.getLocale()), preferences());
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant, Language.of(LocaleContextHolder.getLocale()), preferences());
    }

    public String number(long value) {
        return number(value, Language.of(LocaleContextHolder.getLocale()), preferences());
    }

    /*
     * Building an ICU format loads locale data and a calendar: most of the cost of a page with fifty dates. A format is
     * built once per language, preferences and style and cloned for each use, since ICU formats are not thread-safe.
     */
    private static final Map<String, DateFormat> DATE_FORMATS = new ConcurrentHashMap<>();
    private static final Map<String, NumberFormat> NUMBER_FORMATS = new ConcurrentHashMap<>();

    public static String dateTime(Instant instant, Language language, FormatPreferences preferences) {
        return dateFormat("dt", language, preferences).format(Date.from(instant));
    }

    public static String date(Instant instant, Language language, FormatPreferences preferences) {
        return dateFormat("d", language, preferences).format(Date.from(instant));
    }

    public static String number(long value, Language language, FormatPreferences preferences) {
        NumberFormat prototype = NUMBER_FORMATS.computeIfAbsent(
                language.tag() + "|" + preferences, key -> NumberFormat.getInstance(icuLocale(language, preferences)));
        return ((NumberFormat) prototype.clone()).format(value);
    }

    private static DateFormat dateFormat(String style, Language language, FormatPreferences preferences) {
        DateFormat prototype = DATE_FORMATS.computeIfAbsent(style + "|" + language.tag() + "|" + preferences, key -> {
            ULocale locale = icuLocale(language, preferences);
            DateFormat format = style.equals("dt")
                    ? DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale)
                    : DateFormat.getDateInstance(DateFormat.LONG, locale);
            format.setTimeZone(TimeZone.getTimeZone(preferences.zone().getId()));
            return format;
        });
        return (DateFormat) prototype.clone();
    }

    static ULocale icuLocale(Language language, FormatPreferences preferences) {
        String numbers =
                switch (preferences.digits()) {
                    case LATIN -> "latn";
                    case NATIVE ->
                        switch (language) {
                            case PERSIAN -> "arabext";
                            case ARABIC -> "arab";
                            default -> "latn";
                        };
                };
        return new ULocale(
                language.tag() + "@calendar=" + preferences.calendar().icuName() + ";numbers=" + numbers);
    }

    private static FormatPreferences preferences() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null
                && attributes.getAttribute(FormatPreferences.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof FormatPreferences preferences) {
            return preferences;
        }
        return FormatPreferences.DEFAULT;
    }
}
