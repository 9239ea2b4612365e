package cn.zhifa.academy.exam;

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

/**
 * A question bank in the layout Chinese trainers keep in Word (issue 17 item 3): sections headed
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
                out.add(new ImportProblem(null, line, p.column(), p.message()));
            }
            out.sort(java.util.Comparator.comparingInt(ImportProblem::line));
            return out;
        }

        private static String alias(String column) {
            return switch (column) {
                case "法律", "条款" -> "解析";
                case "评分要点" -> "参考答案";
                default -> "题干";
            };
        }
    }

    private record Para(int number, String text, boolean numbered) {
    }

    private static final Map<String, QuestionType> SECTIONS = new LinkedHashMap<>();
    static {
        SECTIONS.put("单项选择题", QuestionType.SINGLE);
        SECTIONS.put("单选题", QuestionType.SINGLE);
        SECTIONS.put("多项选择题", QuestionType.MULTIPLE);
        SECTIONS.put("多选题", QuestionType.MULTIPLE);
        SECTIONS.put("不定项选择题", QuestionType.MULTIPLE);
        SECTIONS.put("判断题", QuestionType.TRUE_FALSE);
        SECTIONS.put("是非题", QuestionType.TRUE_FALSE);
        SECTIONS.put("填空题", QuestionType.FILL);
        SECTIONS.put("案例分析题", QuestionType.CASE_ANALYSIS);
        SECTIONS.put("案例题", QuestionType.CASE_ANALYSIS);
    }

    private static final Pattern SECTION = Pattern.compile(
            "^(?:[一二三四五六七八九十]+\\s*[、.．]|第[一二三四五六七八九十]+部分\\s*[、:：]?|[（(][一二三四五六七八九十]+[)）])?\\s*"
                    + "(单项选择题|单选题|多项选择题|多选题|不定项选择题|判断题|是非题|填空题|案例分析题|案例题)"
                    + "\\s*(?:[（(][^）)]*[)）])?\\s*[:：]?$");
    private static final Pattern QUESTION = Pattern.compile("^(\\d{1,4})\\s*[.．、)）]\\s*(.*)$");
    private static final Pattern OPTION_START = Pattern.compile("^([A-Ha-h])\\s*[.．、:：)）]\\s*");
    private static final Pattern OPTION_SPLIT = Pattern.compile("(?:^|\\s+)([A-H])\\s*[.．、:：)）]\\s*");
    private static final Pattern FIELD = Pattern.compile(
            "^(正确答案|参考答案|答案解析|答案|解析|法律依据|法律|条款|领域|难度|适用分级|分级|适用层级|层级|标签|编号|分值|来源案例)\\s*[:：]\\s*(.*)$");
    /** The answer written into the brackets of the stem: "…（B）" or "…（√）". */
    private static final Pattern INLINE_ANSWER = Pattern.compile("[（(]\\s*([A-Ha-h]{1,8}|√|×|对|错)\\s*[)）]\\s*[。.]?$");
    private static final Pattern BLANK = Pattern.compile("[（(]\\s*[)）]|_{2,}");
    private static final Set<String> DOCUMENT_SETTINGS = Set.of("领域", "难度", "分级", "层级", "标签", "法律");

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
                        text.append("![图](").append(IMAGE_SCHEME).append(sha).append(")");
                    }
                }
                paras.add(new Para(n, text.toString(), p.getNumID() != null));
            }
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), List.of(new ImportProblem(null, 1, "-", "无法读取文件，请上传 Word (.docx) 格式的题库")),
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
            return new Read(List.of(), List.of(new ImportProblem(null, 1, "-", "无法识别文件编码，请保存为 UTF-8 文本")),
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
        String last = "题干";

        Draft(int start, QuestionType type) {
            this.start = start;
            this.type = type;
            paras.put("题干", start);
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
                        problems.add(new ImportProblem(null, para.number(), field, "“" + f.group(1) + "”前面没有题目"));
                    }
                    continue;
                }
                if (q.type == QuestionType.CASE_ANALYSIS && field.equals("答案")) {
                    field = "参考答案";
                }
                if (q.fields.containsKey(field)) {
                    problems.add(new ImportProblem(null, para.number(), field, "同一题中“" + f.group(1) + "”出现了两次（第"
                            + q.paras.get(field) + "段已有）"));
                    continue;
                }
                q.fields.put(field, value);
                q.paras.put(field, para.number());
                q.last = field;
                continue;
            }
            Matcher o = OPTION_START.matcher(line);
            if (o.find() && q != null && q.type.choice() && (q.last.equals("题干") || q.last.equals("选项"))) {
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
                        problems.add(new ImportProblem(null, para.number(), "选项",
                                "选项字母应为“" + expected + "”，而不是“" + letter + "”"));
                    }
                    q.options.add(line.substring(marks.get(i)[1], end).strip());
                }
                q.paras.putIfAbsent("选项", para.number());
                q.last = "选项";
                continue;
            }
            Matcher n = QUESTION.matcher(line);
            boolean autoNumbered = para.numbered() && section != null && (q == null || !q.last.equals("题干"));
            if (n.matches() || autoNumbered) {
                if (section == null) {
                    problems.add(new ImportProblem(null, para.number(), "题型",
                            "题目前面缺少题型标题（如“一、单选题”）"));
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
            if (q.last.equals("题干")) {
                q.stem.append("\n\n").append(line);
            } else if (q.last.equals("选项")) {
                problems.add(new ImportProblem(null, para.number(), "选项",
                        "无法识别：选项应以字母开头（如“A. ”），答案应写作“答案：”"));
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
        return switch (field) {
            case "正确答案" -> "答案";
            case "答案解析" -> "解析";
            case "法律依据" -> "法律";
            case "适用分级" -> "分级";
            case "适用层级" -> "层级";
            default -> field;
        };
    }

    private static QuestionInput input(Draft d, Map<String, String> defaults) {
        String stem = d.stem.toString().strip();
        String answer = d.fields.get("答案");
        if (answer == null && d.type != QuestionType.CASE_ANALYSIS && d.type != QuestionType.FILL) {
            Matcher m = INLINE_ANSWER.matcher(stem);
            if (m.find()) {
                answer = m.group(1);
                stem = stem.substring(0, m.start()) + "（ ）" + (m.group().strip().endsWith("。") ? "。" : "");
                d.paras.put("答案", d.start);
            }
        }
        if (d.type == QuestionType.FILL) {
            stem = BLANK.matcher(stem).replaceAll("____");
        }
        List<String> answers;
        if (answer == null || answer.isBlank()) {
            answers = List.of();
        } else if (d.type == QuestionType.FILL) {
            answers = List.of(answer.split("[|｜;；]")).stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        } else if (d.type == QuestionType.TRUE_FALSE) {
            answers = List.of(answer.strip().replace("正确", "对").replace("错误", "错").replace("×", "错"));
        } else {
            answers = List.of(answer.strip());
        }
        String explanation = d.fields.getOrDefault("解析", "");
        String law = d.fields.getOrDefault("法律", "");
        String articles = d.fields.getOrDefault("条款", "");
        if (law.isEmpty() || articles.isEmpty()) {
            // "依据《中华人民共和国行政处罚法》第九条……": the statute and the articles the explanation cites
            String cited = null;
            List<String> numbers = new ArrayList<>();
            for (String token : Citations.inText(explanation + "\n" + d.fields.getOrDefault("参考答案", ""))) {
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
                law = defaults.getOrDefault("法律", "");
            }
            if (articles.isEmpty() && !numbers.isEmpty()) {
                articles = String.join(",", numbers);
            }
        }
        String code = d.fields.get("编号");
        if (code == null || code.isBlank()) {
            code = "WD-" + sha256((d.type.name() + "\n" + stem).getBytes(StandardCharsets.UTF_8)).substring(0, 16)
                    .toUpperCase(Locale.ROOT);
        }
        return new QuestionInput(null, d.start, code.strip(), d.type.label, stem, d.options, answers, d.fields.getOrDefault("参考答案", ""), List.of(),
                d.fields.getOrDefault("分值", ""), explanation, law, articles,
                d.fields.getOrDefault("领域", defaults.getOrDefault("领域", "通用")),
                d.fields.getOrDefault("难度", defaults.getOrDefault("难度", "3")),
                list(d.fields.getOrDefault("分级", defaults.getOrDefault("分级", ""))),
                list(d.fields.getOrDefault("层级", defaults.getOrDefault("层级", ""))),
                list(d.fields.getOrDefault("标签", defaults.getOrDefault("标签", ""))),
                d.fields.getOrDefault("来源案例", ""));
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of()
                : List.of(s.split("[,，、;；\\s]+")).stream().filter(x -> !x.isBlank()).toList();
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
        return List.of(
                "领域：通用",
                "难度：2",
                "一、单选题",
                "1. 根据《中华人民共和国行政处罚法》，下列哪一项不属于行政处罚的种类？（ ）",
                "A. 警告、通报批评  B. 罚款、没收违法所得  C. 罚金  D. 暂扣许可证件",
                "答案：C",
                "解析：依据《中华人民共和国行政处罚法》第九条，罚金是刑罚，不是行政处罚。",
                "二、多选题",
                "1. 执法人员当场作出行政处罚决定的，应当做到（ ）。",
                "A. 向当事人出示执法证件",
                "B. 填写预定格式、编有号码的行政处罚决定书",
                "C. 当场交付当事人",
                "D. 事后补办立案手续",
                "答案：ABC",
                "解析：依据《中华人民共和国行政处罚法》第五十二条，执法人员应当出示执法证件，填写预定格式、编有号码的行政处罚决定书，并当场交付当事人。",
                "三、判断题",
                "1. 执法人员在调查或者进行检查时，不得少于两人。（ ）",
                "答案：对",
                "解析：依据《中华人民共和国行政处罚法》第四十二条第一款，执法人员不得少于两人。",
                "四、填空题",
                "1. 违法行为在（ ）年内未被发现的，不再给予行政处罚，法律另有规定的除外。",
                "答案：二|两|2",
                "解析：依据《中华人民共和国行政处罚法》第三十六条第一款，一般追责期限为二年。",
                "五、案例分析题",
                "1. 某区市场监管执法人员在检查中发现某商户销售过期食品，当场作出罚款决定，但未告知当事人陈述、申辩的权利。请分析该处罚程序是否合法。",
                "参考答案：不合法。依据《中华人民共和国行政处罚法》第四十四条，行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩等权利。",
                "分值：10",
                "法律：行政处罚法",
                "条款：44");
    }

    /** The downloadable template: instructions, then the sample bank. */
    public static byte[] template() {
        List<String> notes = List.of(
                "题库导入模板（Word）",
                "• 按题型分节：一、单选题　二、多选题　三、判断题　四、填空题　五、案例分析题。",
                "• 每题以“1. ”这样的题号开头，题干中的答题括号写作“（ ）”；选项写作“A. … B. …”，可在一行或分行。",
                "• 题后写“答案：B”（多选写全部字母如 ABD；判断写 对 或 错；填空写可接受的答案，多个用 | 分隔），再写“解析：依据《…》第…条……”。",
                "• 法律和条款默认取自解析中引用的条文；也可写“法律：行政处罚法”“条款：33”。案例分析题写“参考答案：”和“分值：”。",
                "• 可选：领域、难度（1–5）、分级（新任、在岗、骨干、领导）、层级（市、区县、镇街）、标签、编号；写在第一个题型标题之前则对全部题目生效（默认 领域：通用，难度：3）。",
                "• 题干中可以插入图片。没有写“编号”的题目按题型和题干生成编号：重复导入同一文件不会产生变化。",
                "• 导入时先校验全部题目：有任何错误都不会导入，并列出每个错误所在的段落和原因。",
                "");
        List<String> lines = new ArrayList<>(notes);
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
                boolean heading = SECTION.matcher(line).matches() || line.equals("题库导入模板（Word）");
                if (line.equals("题库导入模板（Word）")) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                }
                XWPFRun r = p.createRun();
                r.setText(line);
                r.setBold(heading);
                r.setFontFamily("宋体");
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
