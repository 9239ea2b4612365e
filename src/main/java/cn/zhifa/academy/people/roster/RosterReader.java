package cn.zhifa.academy.people.roster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a roster file as text cells: XLSX through POI's streaming SAX reader (the
 * sheet is never built in memory), CSV in UTF-8 (with or without BOM) or, for files saved by
 * Chinese Excel, GB18030.
 */
public final class RosterReader {

    /** A row as read: its 1-based line number in the sheet and its cells in sheet order. */
    public record Line(int number, List<String> cells) {
        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Thrown when the file cannot be read as a spreadsheet at all; says why by a key of the {@code errors} bundle. */
    public static class UnreadableFile extends Exception {
        private final String key;

        public UnreadableFile(String key, Throwable cause) {
            super(key, cause);
            this.key = key;
        }

        /** Why, as a key of the {@code errors} bundle. */
        public String key() {
            return key;
        }

        /** Why, in the language of the current request. */
        @Override
        public String getMessage() {
            return cn.zhifa.academy.platform.error.ErrorTexts.text(
                    cn.zhifa.academy.platform.error.ErrorTexts.currentLocale(), key);
        }
    }

    private RosterReader() {
    }

    public static List<Line> read(InputStream in, String filename) throws IOException, UnreadableFile {
        String lower = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return readXlsx(in);
        }
        if (lower.endsWith(".csv")) {
            return readCsv(in);
        }
        throw new UnreadableFile("roster.file_type", null);
    }

    static List<Line> readXlsx(InputStream in) throws IOException, UnreadableFile {
        List<Line> lines = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return lines;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(lines),
                        new DataFormatter(Locale.CHINA), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException e) {
            // issue 12 item 16: the library's own text (e.g. POI's zip-bomb warning) stays in the log
            org.jboss.logging.Logger.getLogger(RosterReader.class).infof("unreadable XLSX: %s", e.toString());
            throw new UnreadableFile("roster.xlsx_unreadable", e);
        }
        return lines;
    }

    /** Collects cells per row, keeping column positions (empty cells are skipped by POI). */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Line> lines;
        private List<String> current;
        private int rowNum;

        Collector(List<Line> lines) {
            this.lines = lines;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            this.current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            lines.add(new Line(rowNum + 1, current));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = columnIndex(ref);
            while (current.size() < col) {
                current.add("");
            }
            current.add(value == null ? "" : value.trim());
        }

        private static int columnIndex(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                col = col * 26 + (ref.charAt(i) - 'A' + 1);
            }
            return col - 1;
        }
    }

    static List<Line> readCsv(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        Charset cs = sniffCharset(in);
        try (Reader r = markable(new InputStreamReader(in, cs))) {
            return parseCsv(r);
        }
    }

    /** UTF-8 unless the first 64 KiB are not valid UTF-8, then GB18030 (Excel's Chinese CSV). */
    private static Charset sniffCharset(BufferedInputStream in) throws IOException {
        int window = 64 * 1024;
        in.mark(window + 4);
        byte[] head = in.readNBytes(window);
        in.reset();
        int len = head.length;
        if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skip(3);
            return StandardCharsets.UTF_8;
        }
        int cut = len;
        // ignore a character cut at the end of the window
        while (cut > 0 && cut > len - 4 && (head[cut - 1] & 0xC0) == 0x80) {
            cut--;
        }
        if (cut > 0 && (head[cut - 1] & 0xC0) == 0xC0) {
            cut--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, len == window ? cut : len));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    /** RFC 4180: commas, double quotes, doubled quotes inside quotes, CRLF or LF. */
    static List<Line> parseCsv(Reader r) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startLine = 1;
        int c;
        boolean any = false;
        while ((c = r.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    r.mark(1);
                    if (r.read() != '\n') {
                        r.reset();
                    }
                }
                cells.add(cell.toString().trim());
                cell.setLength(0);
                lines.add(new Line(startLine, cells));
                cells = new ArrayList<>();
                line++;
                startLine = line;
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString().trim());
            lines.add(new Line(startLine, cells));
        }
        return lines;
    }

    /** Wraps a reader so that mark/reset work (the CSV parser looks one character ahead). */
    static Reader markable(Reader r) {
        return r.markSupported() ? r : new java.io.BufferedReader(r);
    }
}
