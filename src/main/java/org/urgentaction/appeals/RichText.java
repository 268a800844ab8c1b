package org.urgentaction.appeals;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Staff write long texts in Markdown. What reaches a supporter's browser is its HTML rendering,
 * passed through the OWASP sanitiser with a small allow-list: text formatting, lists, headings,
 * quotes and http(s)/mailto links. No script, style, event handler, SVG or frame survives.
 */
public final class RichText {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().escapeHtml(false).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "hr", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private RichText() {}

    /** Markdown (which may embed HTML) to HTML that is safe to show as it is. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return sanitise(HTML.render(MARKDOWN.parse(markdown)));
    }

    public static String sanitise(String html) {
        return POLICY.sanitize(html);
    }
}
