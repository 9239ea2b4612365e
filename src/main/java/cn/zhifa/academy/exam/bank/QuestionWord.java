package cn.zhifa.academy.exam.bank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import cn.zhifa.academy.caselibrary.Citations;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * A question bank in the layout Chinese trainers keep in Word (issue 17 item 3); its words and
 * patterns are in {@code formats/question-word.properties}: sections headed
 * 一、单选题 / 多选题 / 判断题 / 填空题 / 案例分析题, questions numbered "1. 题干（ ）", options
 * "A. … B. …" (one line or several), then "答案：B", "解析：…" and optional fields (法律、条款、
 * 领域、难度、分级、层级、标签、编号、分值、参考答案). The same text as a .txt file reads the same
 * way. Problems name the paragraph (docx: body paragraph, counting empty ones; txt: line).
 *
 * <p>Images in a .docx become {@code ![图](image:<sha256>)} in the stem; {@link QuestionImports}
 * replaces the placeholder with the stored file's URL. Without 编号 a question's code is
 * derived from its type and stem (with the image digests), so re-importing the same document
 * changes nothing.
 */
public final class QuestionWord {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String TEXT = "text/plain";
    public static final String IMAGE_SCHEME = "image:";
    public static final Pattern IMAGE_REF = Pattern.compile("image:([0-9a-f]{64})");

    /** An image found in the document. */
    public record Image(String sha256, byte[] bytes, String extension, int paragraph) {
        public String filename() {
            return "question-image-" + sha256.substring(0, 12) + "." + extension;
        }
    }

    /** The questions (paragraph of each field kept for problems), the problems and the images. */
    public record Read(List<QuestionInput> inputs, List<ImportProblem> problems, Map<String, Image> images,
            List<Map<String, Integer>> fieldParagraphs) {

        /** A problem of the rules moved to the paragraph of the field it names. */
        public List<ImportProblem> locate(List<ImportProblem> ruleProblems) {
            List<ImportProblem> out = new ArrayList<>();
            for (ImportProblem p : ruleProblems) {
                int line = p.line();
                for (int i = 0; i < inputs.size(); i++) {
                    if (inputs.get(i).line() == p.line()) {
                        Map<String, Integer> f = fieldParagraphs.get(i);
                        line = f.getOrDefault(p.column(), f.getOrDefault(alias(p.column()), p.line()));
                        break;
                    }
                }
                out.add(p.at(null, line, p.column()));
            }
            out.sort(java.util.Comparator.comparingInt(ImportProblem::line));
            return out;
        }

        private static String alias(String column) {
            if (column.equals(QuestionFields.LAW) || column.equals(QuestionFields.ARTICLES)) {
                return QuestionFields.EXPLANATION;
            }
            return column.equals(QuestionFields.RUBRIC) ? QuestionFields.REFERENCE : QuestionFields.STEM;
        }
    }

    private record Para(int number, String text, boolean numbered) {
    }

    /** The words and the grammar of the format: formats/question-word.properties. */
    static final FormatWords WORDS = FormatWords.of("question-word");

    /** Type heading → type. */
    private static final Map<String, QuestionType> SECTIONS = new LinkedHashMap<>();
    /** Field marker → the field it fills (答案解析 → 解析). */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    /** Other spellings of a true/false answer → the stored one (正确 → 对). */
    private static final Map<String, String> TRUE_FALSE = new LinkedHashMap<>();
    static {
        pairs("sections").forEach((heading, type) -> SECTIONS.put(heading, QuestionType.valueOf(type)));
        FIELDS.putAll(pairs("fields"));
        TRUE_FALSE.putAll(pairs("true_false.spellings"));
    }

    /** The fields of the Word format named otherwise than the spreadsheet's columns. */
    private static final String GRADES = WORDS.get("field.grades");
    private static final String LEVELS = WORDS.get("field.levels");

    private static final Pattern SECTION = Pattern.compile(WORDS.get("pattern.section.before") + "("
            + alternatives(SECTIONS.keySet()) + ")" + WORDS.get("pattern.section.after"));
    private static final Pattern QUESTION = Pattern.compile(WORDS.get("pattern.question"));
    private static final Pattern OPTION_START = Pattern.compile(WORDS.get("pattern.option_start"));
    private static final Pattern OPTION_SPLIT = Pattern.compile(WORDS.get("pattern.option_split"));
    private static final Pattern FIELD = Pattern.compile("^(" + alternatives(FIELDS.keySet()) + ")"
            + WORDS.get("pattern.field.after"));
    /** The answer written into the brackets of the stem: "…（B）" or "…（√）". */
    private static final Pattern INLINE_ANSWER = Pattern.compile(WORDS.get("pattern.inline_answer"));
    private static final Pattern BLANK = Pattern.compile(WORDS.get("pattern.blank"));
    private static final String BRACKETS = WORDS.get("blank.brackets");
    private static final String FULL_STOP = WORDS.get("full_stop");
    private static final String FILL_ALTERNATIVES = WORDS.get("pattern.fill_alternatives");
    private static final String LIST_SEPARATORS = WORDS.get("pattern.list_separators");
    private static final Set<String> DOCUMENT_SETTINGS = Set.of(QuestionFields.DOMAIN, QuestionFields.DIFFICULTY,
            GRADES, LEVELS, QuestionFields.TAGS, QuestionFields.LAW);
    private static final String TEMPLATE_TITLE = WORDS.get("template.title");

    /** A list of the format file written "a>b|c|d>e": a → b, c → c, d → e, in order. */
    private static Map<String, String> pairs(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : WORDS.list(key)) {
            int arrow = pair.indexOf('>');
            out.put(arrow < 0 ? pair : pair.substring(0, arrow), arrow < 0 ? pair : pair.substring(arrow + 1));
        }
        return out;
    }

    private static String alternatives(java.util.Collection<String> words) {
        return String.join("|", words.stream().map(Pattern::quote).toList());
    }

    private QuestionWord() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads a .docx: body paragraphs in order (tables are skipped), images as placeholders. */
    public static Read readDocx(InputStream in) {
        Map<String, Image> images = new LinkedHashMap<>();
        List<Para> paras = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(in)) {
            int n = 0;
            for (IBodyElement e : doc.getBodyElements()) {
                if (!(e instanceof XWPFParagraph p)) {
                    continue;
                }
                n++;
                StringBuilder text = new StringBuilder();
                for (XWPFRun r : p.getRuns()) {
                    String t = r.text();
                    if (t != null) {
                        text.append(t);
                    }
                    for (XWPFPicture pic : r.getEmbeddedPictures()) {
                        XWPFPictureData data = pic.getPictureData();
                        if (data == null) {
                            continue;
                        }
                        String ext = data.suggestFileExtension() == null ? "png"
                                : data.suggestFileExtension().toLowerCase(Locale.ROOT);
                        byte[] bytes = data.getData();
                        String sha = sha256(bytes);
                        images.putIfAbsent(sha, new Image(sha, bytes, ext, n));
                        text.append("![").append(WORDS.get("image.alt")).append("](").append(IMAGE_SCHEME).append(sha).append(")");
                    }
                }
                paras.add(new Para(n, text.toString(), p.getNumID() != null));
            }
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), List.of(ImportProblem.of(null, 1, "-", "question.word.unreadable")),
                    Map.of(), List.of());
        }
        return parse(paras, images);
    }

    /** Reads plain text (UTF-8, with or without BOM, or GB18030 as Chinese Windows saves it). */
    public static Read readText(byte[] bytes) {
        String text = decode(bytes, StandardCharsets.UTF_8);
        if (text == null) {
            text = decode(bytes, Charset.forName("GB18030"));
        }
        if (text == null) {
            return new Read(List.of(), List.of(ImportProblem.of(null, 1, "-", "question.word.encoding")),
                    Map.of(), List.of());
        }
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Para> paras = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            paras.add(new Para(i + 1, lines[i], false));
        }
        return parse(paras, Map.of());
    }

    private static String decode(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- parsing

    /** A question being read. */
    private static final class Draft {
        final int start;
        final QuestionType type;
        final StringBuilder stem = new StringBuilder();
        final List<String> options = new ArrayList<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, Integer> paras = new HashMap<>();
        String last = QuestionFields.STEM;

        Draft(int start, QuestionType type) {
            this.start = start;
            this.type = type;
            paras.put(QuestionFields.STEM, start);
        }
    }

    private static Read parse(List<Para> paras, Map<String, Image> images) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        Map<String, String> defaults = new HashMap<>();
        QuestionType section = null;
        Draft q = null;
        for (Para para : paras) {
            String line = Citations.normalise(para.text()).replace('\u00a0', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = SECTIONS.get(s.group(1));
                q = null;
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                String field = canonical(f.group(1));
                String value = f.group(2).strip();
                if (q == null) {
                    if (DOCUMENT_SETTINGS.contains(field)) {
                        defaults.put(field, value);
                    } else if (section != null) {
                        problems.add(ImportProblem.of(null, para.number(), field, "question.word.field_without_question", f.group(1)));
                    }
                    continue;
                }
                if (q.type == QuestionType.CASE_ANALYSIS && field.equals(QuestionFields.ANSWER)) {
                    field = QuestionFields.REFERENCE;
                }
                if (q.fields.containsKey(field)) {
                    problems.add(ImportProblem.of(null, para.number(), field, "question.word.field_twice", f.group(1),
                            q.paras.get(field)));
                    continue;
                }
                q.fields.put(field, value);
                q.paras.put(field, para.number());
                q.last = field;
                continue;
            }
            Matcher o = OPTION_START.matcher(line);
            if (o.find() && q != null && q.type.choice() && (q.last.equals(QuestionFields.STEM) || q.last.equals(QuestionFields.OPTIONS))) {
                Matcher m = OPTION_SPLIT.matcher(line);
                List<int[]> marks = new ArrayList<>();
                while (m.find()) {
                    marks.add(new int[] { m.start(), m.end(), Character.toUpperCase(m.group(1).charAt(0)) });
                }
                if (marks.isEmpty() || marks.get(0)[0] != 0) {
                    marks.add(0, new int[] { 0, o.end(), Character.toUpperCase(o.group(1).charAt(0)) });
                }
                for (int i = 0; i < marks.size(); i++) {
                    int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : line.length();
                    char letter = (char) marks.get(i)[2];
                    char expected = (char) ('A' + q.options.size());
                    if (letter != expected) {
                        problems.add(ImportProblem.of(null, para.number(), QuestionFields.OPTIONS,
                                "question.word.option_letter", expected, letter));
                    }
                    q.options.add(line.substring(marks.get(i)[1], end).strip());
                }
                q.paras.putIfAbsent(QuestionFields.OPTIONS, para.number());
                q.last = QuestionFields.OPTIONS;
                continue;
            }
            Matcher n = QUESTION.matcher(line);
            boolean autoNumbered = para.numbered() && section != null && (q == null || !q.last.equals(QuestionFields.STEM));
            if (n.matches() || autoNumbered) {
                if (section == null) {
                    problems.add(ImportProblem.of(null, para.number(), QuestionFields.TYPE, "question.word.no_section"));
                    q = null;
                    continue;
                }
                q = new Draft(para.number(), section);
                q.stem.append(n.matches() ? n.group(2).strip() : line);
                drafts.add(q);
                continue;
            }
            if (q == null) {
                // titles and notes before the first question
                continue;
            }
            // a continuation: of the stem (before the options), of the last field otherwise
            if (q.last.equals(QuestionFields.STEM)) {
                q.stem.append("\n\n").append(line);
            } else if (q.last.equals(QuestionFields.OPTIONS)) {
                problems.add(ImportProblem.of(null, para.number(), QuestionFields.OPTIONS, "question.word.unrecognised"));
            } else {
                q.fields.merge(q.last, "\n" + line, String::concat);
            }
        }
        List<QuestionInput> inputs = new ArrayList<>();
        List<Map<String, Integer>> fieldParas = new ArrayList<>();
        for (Draft d : drafts) {
            inputs.add(input(d, defaults));
            fieldParas.add(d.paras);
        }
        return new Read(inputs, problems, images, fieldParas);
    }

    private static String canonical(String field) {
        return FIELDS.getOrDefault(field, field);
    }

    private static QuestionInput input(Draft d, Map<String, String> defaults) {
        String stem = d.stem.toString().strip();
        String answer = d.fields.get(QuestionFields.ANSWER);
        if (answer == null && d.type != QuestionType.CASE_ANALYSIS && d.type != QuestionType.FILL) {
            Matcher m = INLINE_ANSWER.matcher(stem);
            if (m.find()) {
                answer = m.group(1);
                stem = stem.substring(0, m.start()) + BRACKETS + (m.group().strip().endsWith(FULL_STOP) ? FULL_STOP : "");
                d.paras.put(QuestionFields.ANSWER, d.start);
            }
        }
        if (d.type == QuestionType.FILL) {
            stem = BLANK.matcher(stem).replaceAll("____");
        }
        List<String> answers;
        if (answer == null || answer.isBlank()) {
            answers = List.of();
        } else if (d.type == QuestionType.FILL) {
            answers = List.of(answer.split(FILL_ALTERNATIVES)).stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        } else if (d.type == QuestionType.TRUE_FALSE) {
            String a = answer.strip();
            for (Map.Entry<String, String> spelling : TRUE_FALSE.entrySet()) {
                a = a.replace(spelling.getKey(), spelling.getValue());
            }
            answers = List.of(a);
        } else {
            answers = List.of(answer.strip());
        }
        String explanation = d.fields.getOrDefault(QuestionFields.EXPLANATION, "");
        String law = d.fields.getOrDefault(QuestionFields.LAW, "");
        String articles = d.fields.getOrDefault(QuestionFields.ARTICLES, "");
        if (law.isEmpty() || articles.isEmpty()) {
            // "依据《中华人民共和国行政处罚法》第九条……": the statute and the articles the explanation cites
            String cited = null;
            List<String> numbers = new ArrayList<>();
            for (String token : Citations.inText(explanation + "\n" + d.fields.getOrDefault(QuestionFields.REFERENCE, ""))) {
                int hash = token.lastIndexOf('#');
                String name = token.substring(0, hash);
                if (cited == null && (law.isEmpty() || cn.zhifa.academy.content.Laws.find(law)
                        .map(l -> l.name().equals(name)).orElse(false))) {
                    cited = name;
                }
                if (name.equals(cited)) {
                    numbers.add(token.substring(hash + 1));
                }
            }
            if (law.isEmpty() && cited != null) {
                law = cited;
            }
            if (law.isEmpty()) {
                law = defaults.getOrDefault(QuestionFields.LAW, "");
            }
            if (articles.isEmpty() && !numbers.isEmpty()) {
                articles = String.join(",", numbers);
            }
        }
        String code = d.fields.get(QuestionFields.CODE);
        if (code == null || code.isBlank()) {
            code = "WD-" + sha256((d.type.name() + "\n" + stem).getBytes(StandardCharsets.UTF_8)).substring(0, 16)
                    .toUpperCase(Locale.ROOT);
        }
        return new QuestionInput(null, d.start, code.strip(), d.type.label, stem, d.options, answers,
                d.fields.getOrDefault(QuestionFields.REFERENCE, ""), List.of(),
                d.fields.getOrDefault(QuestionFields.POINTS, ""), explanation, law, articles,
                field(d, defaults, QuestionFields.DOMAIN, QuestionFields.DEFAULT_DOMAIN),
                field(d, defaults, QuestionFields.DIFFICULTY, QuestionFields.DEFAULT_DIFFICULTY),
                list(field(d, defaults, GRADES, "")), list(field(d, defaults, LEVELS, "")),
                list(field(d, defaults, QuestionFields.TAGS, "")),
                d.fields.getOrDefault(QuestionFields.SOURCE_CASE, ""));
    }

    /** The question's own value of a field, else the document's setting, else the default. */
    private static String field(Draft d, Map<String, String> defaults, String field, String otherwise) {
        return d.fields.getOrDefault(field, defaults.getOrDefault(field, otherwise));
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of()
                : List.of(s.split(LIST_SEPARATORS)).stream().filter(x -> !x.isBlank()).toList();
    }

    /** The stem with its image placeholders replaced by stored files' URLs. */
    public static String withImages(String stem, Map<String, String> urlBySha) {
        Matcher m = IMAGE_REF.matcher(stem);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = urlBySha.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(url == null ? m.group() : url));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- template

    /** The lines of the sample bank: every question type, in the trainers' layout. */
    public static List<String> sampleLines() {
        return List.of(WORDS.get("template.sample").split("\n"));
    }

    /** The downloadable template: instructions, then the sample bank. */
    public static byte[] template() {
        List<String> lines = new ArrayList<>();
        lines.add(TEMPLATE_TITLE);
        lines.addAll(List.of(WORDS.get("template.notes").split("\n")));
        lines.add("");
        lines.addAll(sampleLines());
        return docx(lines, null);
    }

    /**
     * A .docx with one paragraph per line; a line equal to {@code imageAfter}'s key is followed by
     * the image bytes (PNG) as a picture in its own run (used by the tests and the sample).
     */
    public static byte[] docx(List<String> lines, Map<String, byte[]> imageAfter) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : lines) {
                XWPFParagraph p = doc.createParagraph();
                boolean heading = SECTION.matcher(line).matches() || line.equals(TEMPLATE_TITLE);
                if (line.equals(TEMPLATE_TITLE)) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                }
                XWPFRun r = p.createRun();
                r.setText(line);
                r.setBold(heading);
                r.setFontFamily(WORDS.get("template.font"));
                if (imageAfter != null && imageAfter.containsKey(line)) {
                    XWPFRun pic = p.createRun();
                    try {
                        pic.addPicture(new ByteArrayInputStream(imageAfter.get(line)),
                                org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "image.png",
                                org.apache.poi.util.Units.toEMU(120), org.apache.poi.util.Units.toEMU(60));
                    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this file name is one the Word/text import reads. */
    public static Optional<String> typeOf(String filename) {
        String f = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (f.endsWith(".docx")) {
            return Optional.of(DOCX);
        }
        if (f.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }
}
