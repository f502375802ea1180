package org.sohbet.shared.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page language: a signed-in agent's own choice first, then a choice made on a public page (kept in a cookie),
 * then the browser's Accept-Language, then English.
 */
public class SohbetLocaleResolver implements LocaleResolver {

    /** A request attribute holding the signed-in agent's {@link Language}, set by the account module. */
    public static final String AGENT_LANGUAGE = SohbetLocaleResolver.class.getName() + ".AGENT_LANGUAGE";

    static final String COOKIE = "sohbet_lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLanguage(request).locale();
    }

    public static Language resolveLanguage(HttpServletRequest request) {
        if (request.getAttribute(AGENT_LANGUAGE) instanceof Language agentChoice) {
            return agentChoice;
        }
        if (request.getAttribute(COOKIE) instanceof Language chosenNow) {
            return chosenNow;
        }
        return fromCookie(request)
                .or(() -> Language.fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(Language.DEFAULT);
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.fromTag(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Uses the language for this request only, whatever the cookie or the browser say. */
    public static void useForRequest(HttpServletRequest request, Language language) {
        request.setAttribute(COOKIE, language);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (response == null) {
            return;
        }
        Optional<Language> language = Optional.ofNullable(locale).flatMap(l -> Language.fromTag(l.toLanguageTag()));
        Cookie cookie = new Cookie(COOKIE, language.map(Language::tag).orElse(""));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(language.isPresent() ? (int) Duration.ofDays(365).toSeconds() : 0);
        response.addCookie(cookie);
        language.ifPresent(l -> request.setAttribute(COOKIE, l));
    }
}
