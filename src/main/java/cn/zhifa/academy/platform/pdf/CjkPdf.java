package cn.zhifa.academy.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PDF documents that write Chinese: every document embeds (as a subset) the bundled
 * WenQuanYi Micro Hei font ({@code fonts/wqy-microhei.ttc}, Apache-2.0, licence in
 * {@code fonts/LICENSE-wqy-microhei.txt}), TrueType outlines with CJK and Latin glyphs (Droid
 * Sans Fallback alone has no Latin letters or digits), so text extracts as Unicode and no
 * glyph is missing. Also a small flowing writer for tabular exports.
 */
public final class CjkPdf implements AutoCloseable {

    public static final String FONT = "fonts/wqy-microhei.ttc";
    private static volatile byte[] fontBytes;

    public static final float MARGIN = 48;

    public final PDDocument doc;
    public final PDType0Font font;
    private final TrueTypeCollection collection;
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    public CjkPdf(String title, Calendar created) throws IOException {
        doc = new PDDocument();
        collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes()));
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(ttf -> {
            if (first[0] == null) {
                first[0] = ttf;
            }
        });
        font = PDType0Font.load(doc, first[0], true);
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setProducer(io.quarkus.qute.i18n.MessageBundles.get(cn.zhifa.academy.platform.web.AppMessages.class).app_name());
        doc.getDocumentInformation().setCreationDate(created);
    }

    /** A calendar for document metadata (fixed dates keep regenerated files stable). */
    public static Calendar calendar(java.time.LocalDate d) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        return c;
    }

    static byte[] fontBytes() {
        byte[] b = fontBytes;
        if (b == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing: " + FONT);
                }
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fontBytes = b;
        }
        return b;
    }

    /** The text with any character the font cannot draw replaced by '?'. */
    public String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                sb.append(' ');
                return;
            }
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    public float width(String text, float size) {
        try {
            return font.getStringWidth(safe(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws text at a position on the current page stream. */
    public void text(PDPageContentStream cs, String text, float size, float x, float yPos) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, yPos);
        cs.showText(safe(text));
        cs.endText();
    }

    // ---- flowing writer ------------------------------------------------------------------

    private void ensure(float needed) throws IOException {
        if (out == null || y - needed < MARGIN) {
            if (out != null) {
                out.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }

    public float contentWidth() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** A wrapped paragraph. */
    public void paragraph(String text, float size) throws IOException {
        for (String line : wrap(text, size, contentWidth())) {
            ensure(size * 1.5f);
            y -= size * 1.5f;
            text(out, line, size, MARGIN, y);
        }
    }

    public void gap(float h) throws IOException {
        ensure(h);
        y -= h;
    }

    /** A table with equal columns; cells wrap inside their column. */
    public void table(List<String> headers, List<List<String>> rows, float size) throws IOException {
        int n = Math.max(1, headers.size());
        float col = contentWidth() / n;
        row(headers, size, col);
        ensure(2);
        out.moveTo(MARGIN, y - 3);
        out.lineTo(MARGIN + contentWidth(), y - 3);
        out.stroke();
        y -= 4;
        for (List<String> r : rows) {
            row(r, size, col);
        }
    }

    private void row(List<String> cells, float size, float col) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (String c : cells) {
            List<String> w = wrap(c, size, col - 6);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float lh = size * 1.4f;
        ensure(lines * lh + 2);
        for (int i = 0; i < lines; i++) {
            y -= lh;
            for (int c = 0; c < wrapped.size(); c++) {
                if (i < wrapped.get(c).size()) {
                    text(out, wrapped.get(c).get(i), size, MARGIN + c * col, y);
                }
            }
        }
        y -= 2;
    }

    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String s = safe(text);
        StringBuilder line = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        for (int cp : cps) {
            String candidate = line + new String(Character.toChars(cp));
            if (width(candidate, size) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(new String(Character.toChars(cp)));
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    public byte[] bytes() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        doc.save(bos);
        return bos.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        doc.close();
        collection.close();
    }
}
