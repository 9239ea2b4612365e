package cn.zhifa.academy.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A Markdown file with YAML front matter between two {@code ---} lines, as used by
 * courses/ and case-library/. Parsing never throws: problems come back with their line in the
 * file, so an importer can report every problem of a folder at once.
 */
public record FrontMatterDocument(Map<String, Object> meta, String body, int bodyStartLine) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The parsed document, or the problems that prevented parsing. */
    public record Parsed(FrontMatterDocument document, List<ContentProblem> problems) {
        public boolean ok() {
            return document != null;
        }
    }

    public static Parsed parse(String file, String text) {
        String t = text.startsWith("\ufeff") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            return fail(file, 1, "文件应以 YAML 头（---）开始");
        }
        int end = t.indexOf("\n---", 3);
        while (end >= 0 && !(t.startsWith("\n---\n", end) || t.startsWith("\n---", end) && end + 4 == t.length())) {
            end = t.indexOf("\n---", end + 1);
        }
        if (end < 0) {
            return fail(file, 1, "YAML 头没有以 --- 结束");
        }
        String yaml = t.substring(4, end + 1);
        int bodyStart = (int) t.substring(0, Math.min(t.length(), end + 5)).chars().filter(c -> c == '\n').count() + 1;
        String body = end + 5 <= t.length() ? t.substring(end + 5) : "";
        Map<String, Object> meta;
        try {
            meta = yaml.isBlank() ? Map.of() : YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : loc.getLineNr() + 1; // +1: the opening --- line
            return fail(file, line, "YAML 格式错误：" + firstLine(e.getOriginalMessage()));
        }
        return new Parsed(new FrontMatterDocument(meta == null ? Map.of() : meta, body, bodyStart), List.of());
    }

    /** Parses a plain YAML file (e.g. course.yaml) the same way. */
    public static Parsed parseYaml(String file, String text) {
        try {
            Map<String, Object> meta = YAML.readValue(text, new TypeReference<Map<String, Object>>() {
            });
            return new Parsed(new FrontMatterDocument(meta == null ? Map.of() : meta, "", 0), List.of());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            return fail(file, loc == null ? 1 : loc.getLineNr(), "YAML 格式错误：" + firstLine(e.getOriginalMessage()));
        }
    }

    /** The 1-based line of a top-level key in the front matter, for error messages (0 if absent). */
    public static int lineOfKey(String text, String key) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().split("\n")[0];
    }

    private static Parsed fail(String file, int line, String message) {
        return new Parsed(null, List.of(new ContentProblem(file, line, message)));
    }
}
