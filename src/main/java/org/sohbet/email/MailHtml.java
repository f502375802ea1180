package org.sohbet.email;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * Inbound HTML made safe (OWASP Java HTML Sanitizer, an allow-list), turned into text, and prepared for the sandboxed
 * frame. The sanitizer streams, so time grows with the input's length; the input is cut at {@value #MAX_HTML}
 * characters and the sanitizer's nesting limit flattens deeper trees, so 10,000 nested elements cost no more than a
 * long paragraph.
 */
final class MailHtml {

    static final int MAX_HTML = 1_000_000;

    private static final Pattern HTTP = Pattern.compile("(?i)^https?://.*");

    /**
     * Formatting, tables, links and images; no script, form, frame, object, meta, base or style element, and no URL in
     * CSS. Images keep {@code cid:} (shown from the mail's own parts) and {@code http(s):} (blocked until asked).
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonInlineFormattingElements()
            .allowCommonBlockElements()
            .allowElements(
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "td",
                    "th",
                    "caption",
                    "colgroup",
                    "col",
                    "blockquote",
                    "pre",
                    "code",
                    "hr",
                    "br",
                    "dl",
                    "dt",
                    "dd",
                    "center",
                    "font",
                    "small",
                    "big",
                    "sup",
                    "sub",
                    "figure",
                    "figcaption")
            .allowStyling()
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("src")
            .matching((element, attribute, value) ->
                    value.startsWith("cid:") || HTTP.matcher(value).matches() ? value : null)
            .onElements("img")
            .allowAttributes("alt", "title", "width", "height")
            .onElements("img")
            .allowAttributes("title", "dir", "lang")
            .globally()
            .allowAttributes(
                    "align",
                    "valign",
                    "width",
                    "height",
                    "colspan",
                    "rowspan",
                    "cellpadding",
                    "cellspacing",
                    "border",
                    "bgcolor")
            .onElements("table", "tr", "td", "th", "col", "colgroup", "thead", "tbody", "tfoot")
            .allowAttributes("color", "face", "size")
            .onElements("font")
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .allowAttributes("target")
            .matching(true, "_blank")
            .onElements("a")
            .toFactory();

    private MailHtml() {}

    /** Safe HTML for the frame; script, handlers, forms, frames, meta and base are gone. */
    static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        String input = html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html;
        return POLICY.sanitize(input);
    }

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "tr",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "hr",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "section",
            "article",
            "header",
            "footer");
    private static final Set<String> HIDDEN = Set.of("script", "style", "head", "title", "template", "noscript");

    /** The text a reader sees, with line breaks at block boundaries; for the conversation's plain-text message. */
    static String toText(String html) {
        if (html == null) {
            return "";
        }
        String input = html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html;
        StringBuilder out = new StringBuilder();
        int[] hidden = {0};
        HtmlSanitizer.sanitize(input, new HtmlSanitizer.Policy() {
            @Override
            public void openDocument() {}

            @Override
            public void closeDocument() {}

            @Override
            public void openTag(String name, List<String> attributes) {
                if (HIDDEN.contains(name)) {
                    hidden[0]++;
                } else if (BLOCKS.contains(name)) {
                    out.append('\n');
                }
            }

            @Override
            public void closeTag(String name) {
                if (HIDDEN.contains(name)) {
                    hidden[0] = Math.max(0, hidden[0] - 1);
                } else if (BLOCKS.contains(name)) {
                    out.append('\n');
                }
            }

            @Override
            public void text(String text) {
                if (hidden[0] == 0) {
                    out.append(text.replaceAll("[ \\t\\r\\n\\u00A0]+", " "));
                }
            }
        });
        String text = out.toString()
                .replaceAll("[ \\t]*\\n[ \\t]*", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        // The lexer drops what is nested deeper than its limit; then the words are taken without the tags.
        return text.isEmpty() ? stripTags(input) : text;
    }

    /** Text outside angle brackets, in one pass (a regular expression would backtrack on a run of "<"). */
    static String stripTags(String html) {
        StringBuilder out = new StringBuilder();
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>' && inTag) {
                inTag = false;
                out.append(' ');
            } else if (!inTag) {
                out.append(c);
            }
        }
        return out.toString()
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static final Pattern IMG_SRC =
            Pattern.compile("(<img\\b[^>]*?\\bsrc=\")([^\"]*)(\")", Pattern.CASE_INSENSITIVE);

    /** Whether the sanitized HTML would load anything from the internet. */
    static boolean hasRemoteImages(String safeHtml) {
        if (safeHtml == null) {
            return false;
        }
        Matcher m = IMG_SRC.matcher(safeHtml);
        while (m.find()) {
            if (HTTP.matcher(m.group(2)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sanitized HTML with inline images as data URLs and remote images removed unless {@code remote}. The frame's
     * CSP blocks remote images too; removing them here also keeps the agent's address from the sender.
     */
    static String forFrame(String safeHtml, Map<String, String> inlineDataUrls, boolean remote) {
        Matcher m = IMG_SRC.matcher(safeHtml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String src = m.group(2);
            String replacement;
            if (src.startsWith("cid:")) {
                replacement = inlineDataUrls.getOrDefault(unescape(src.substring(4)), "");
            } else if (HTTP.matcher(src).matches()) {
                replacement = remote ? src : "";
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + replacement + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unescape(String value) {
        return value.replace("&#64;", "@")
                .replace("&amp;", "&")
                .replace("&#61;", "=")
                .replace("&#43;", "+");
    }
}
