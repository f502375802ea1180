package org.sohbet.helpcenter;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Article bodies: Markdown in, sanitized HTML out (ADR 0021). Raw HTML in the Markdown is shown as text, and what the
 * renderer makes still passes an allowlist, so neither a typo nor an attack reaches a reader as markup.
 */
final class Markdown {

    static final int MAX_LENGTH = 100_000;

    private static final List<Extension> EXTENSIONS = List.of();
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer TEXT =
            TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?://|mailto:|tel:|/(?![/\\\\])|#)[^\\s]*$");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "strong",
                    "em",
                    "b",
                    "i",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "del")
            .allowAttributes("href")
            .matching((element, attribute, value) -> SAFE_URL.matcher(value).matches() ? value : null)
            .onElements("a")
            .allowAttributes("src")
            .matching((element, attribute, value) ->
                    SAFE_URL.matcher(value).matches() && !value.startsWith("#") ? value : null)
            .onElements("img")
            .allowAttributes("alt", "title")
            .onElements("img", "a")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private Markdown() {}

    static String toHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return POLICY.sanitize(HTML.render(document));
    }

    /** The words of the article, for the search index and for excerpts. */
    static String toText(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return TEXT.render(document).replaceAll("\\s+", " ").strip();
    }
}
