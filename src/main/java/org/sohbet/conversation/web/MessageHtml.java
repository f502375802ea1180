package org.sohbet.conversation.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A message's text as HTML for the console: everything escaped, and only {@code [label](url)} and bare web addresses
 * turned into links, for the schemes http, https, mailto and tel (docs/protocol.md). The widget applies the same rule
 * in widget/src/text.ts.
 */
final class MessageHtml {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern LINKS =
            Pattern.compile("\\[([^\\]\\n]{1,500})\\]\\(([^)\\s]{1,2000})\\)|(https?://[^\\s<>\"]{1,2000})");

    private MessageHtml() {}

    static String render(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        Matcher matcher = LINKS.matcher(text);
        int last = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(last, matcher.start())));
            if (matcher.group(3) != null) {
                String url = trimTrailingPunctuation(matcher.group(3));
                int cut = matcher.group(3).length() - url.length();
                appendLink(html, url, url, url);
                html.append(escape(matcher.group(3).substring(matcher.group(3).length() - cut)));
            } else {
                appendLink(html, matcher.group(1), matcher.group(2), matcher.group());
            }
            last = matcher.end();
        }
        html.append(escape(text.substring(last)));
        return html.toString();
    }

    private static void appendLink(StringBuilder html, String label, String url, String original) {
        if (!safe(url)) {
            html.append(escape(original));
            return;
        }
        html.append("<a href=\"")
                .append(escape(url))
                .append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                .append(escape(label))
                .append("</a>");
    }

    static boolean safe(String url) {
        // Browsers drop tabs and newlines inside a scheme ("java\tscript:"); refuse any control character outright.
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
