package cn.zhifa.academy.content;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that is safe to put on a page: raw HTML in the source is escaped, and the
 * rendered HTML passes an allow-list (no script, no event handlers, no javascript: links), so
 * text written by trainers or imported from files can never run in a reader's browser.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addTags("hr")
            .addAttributes("table", "class").addProtocols("a", "href", "http", "https", "mailto");

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, SAFE);
    }

    /** Plain text of a Markdown snippet (for summaries and search). */
    public static String toText(String markdown) {
        return Jsoup.parse(toSafeHtml(markdown)).text();
    }
}
