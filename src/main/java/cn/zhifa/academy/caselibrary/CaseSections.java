package cn.zhifa.academy.caselibrary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * Splits a case body into its seven sections at the level-2 headings (## 基本案情 …). Used for
 * files and for the authoring form's text area alike; every problem carries its line.
 */
public final class CaseSections {

    /** A problem at a line of the body's file (or text area): a key of the errors bundle and its arguments. */
    public record LineIssue(int line, String key, Object... args) {

        /** The text in the language of the current request (Chinese outside one). */
        public String message() {
            return ErrorTexts.text(ErrorTexts.currentLocale(), key, args);
        }
    }

    /** The sections found, the line of each heading, and the problems. */
    public record Parsed(Map<CaseSection, String> sections, Map<CaseSection, Integer> lines, List<LineIssue> issues,
            int lastLine) {
    }

    private CaseSections() {
    }

    /**
     * @param firstLine the line number of the body's first line in its file (1 for a text area)
     */
    public static Parsed parse(String body, int firstLine) {
        String[] lines = (body == null ? "" : body.replace("\r\n", "\n")).split("\n", -1);
        Map<CaseSection, StringBuilder> text = new EnumMap<>(CaseSection.class);
        Map<CaseSection, Integer> at = new EnumMap<>(CaseSection.class);
        List<LineIssue> issues = new ArrayList<>();
        CaseSection current = null;
        boolean skipping = false; // inside an unknown or repeated section
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = firstLine + i;
            if (line.startsWith("## ") || line.equals("##")) {
                String heading = line.substring(2).trim();
                var section = CaseSection.byHeading(heading);
                if (section.isEmpty()) {
                    issues.add(new LineIssue(lineNo, "case.body.heading_unknown", heading, headings()));
                    current = null;
                    skipping = true;
                } else if (at.containsKey(section.get())) {
                    issues.add(new LineIssue(lineNo, "case.body.heading_repeated", heading, at.get(section.get())));
                    current = null;
                    skipping = true;
                } else {
                    current = section.get();
                    at.put(current, lineNo);
                    text.put(current, new StringBuilder());
                    skipping = false;
                }
            } else if (current != null) {
                text.get(current).append(line).append('\n');
            } else if (!skipping && !line.isBlank()) {
                issues.add(new LineIssue(lineNo, "case.body.start", CaseSection.FACTS.heading));
                skipping = true;
            }
        }
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        text.forEach((s, sb) -> sections.put(s, sb.toString().strip()));
        return new Parsed(sections, at, issues, firstLine + lines.length - 1);
    }

    /** The line where a missing section should go: the heading of the next section present, else the end. */
    public static int expectedLine(Parsed parsed, CaseSection missing) {
        for (CaseSection s : CaseSection.values()) {
            if (s.ordinal() > missing.ordinal() && parsed.lines().containsKey(s)) {
                return parsed.lines().get(s);
            }
        }
        return Math.max(1, parsed.lastLine());
    }

    public static String headings() {
        return String.join(CaseFormat.choicesSeparator(), java.util.Arrays.stream(CaseSection.values()).map(s -> s.heading).toList());
    }
}
