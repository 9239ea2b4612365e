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

    private static final java.util.regex.Pattern MEDIA = cn.zhifa.academy.storage.MediaService.MEDIA_URL;
    private static final Safelist WITH_MEDIA = Safelist.relaxed().addTags("hr").addAttributes("table", "class")
            .addProtocols("a", "href", "http", "https", "mailto").removeProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    /**
     * Like {@link #toSafeHtml} but keeps images stored in the object store (
     * {@code ![图](/api/v1/media/<public id>/content)}); any other image source, a sequence number
     * included, is dropped.
     */
    public static String toSafeHtmlWithMedia(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        doc.select("img").forEach(img -> {
            if (!MEDIA.matcher(img.attr("src")).matches()) {
                img.remove();
            }
        });
        String cleaned = Jsoup.clean(doc.body().html(), "http://localhost", WITH_MEDIA);
        return cleaned.replace("src=\"http://localhost/api/v1/media/", "src=\"/api/v1/media/");
    }

    /** Plain text of a Markdown snippet (for summaries and search). */
    public static String toText(String markdown) {
        return Jsoup.parse(toSafeHtml(markdown)).text();
    }
}
