package cn.zhifa.academy.caselibrary;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Marks search terms in plain text. Everything is HTML-escaped first and only our own
 * {@code <mark>} elements are added, so the result is safe to put on a page unescaped.
 */
public final class Highlighter {

    private Highlighter() {
    }

    /** The whole text, escaped, with the terms marked. */
    public static String highlight(String text, List<String> terms) {
        return mark(text == null ? "" : text, pattern(terms));
    }

    /**
     * About {@code width} characters of text around the first term found (the start of the text
     * when none is), escaped, with the terms marked and … where text was cut.
     */
    public static String snippet(String text, List<String> terms, int width) {
        String t = text == null ? "" : text.strip();
        Pattern p = pattern(terms);
        int start = 0;
        if (p != null) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                start = Math.max(0, m.start() - width / 4);
            }
        }
        int end = Math.min(t.length(), start + width);
        if (end - start < width) {
            start = Math.max(0, end - width);
        }
        String cut = t.substring(start, end);
        return (start > 0 ? "…" : "") + mark(cut, p) + (end < t.length() ? "…" : "");
    }

    /** Whether any term occurs in the text. */
    public static boolean contains(String text, List<String> terms) {
        Pattern p = pattern(terms);
        return p != null && text != null && p.matcher(text).find();
    }

    private static Pattern pattern(List<String> terms) {
        if (terms == null || terms.isEmpty()) {
            return null;
        }
        String alternatives = terms.stream().filter(t -> !t.isBlank())
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|"));
        return alternatives.isEmpty() ? null
                : Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String mark(String text, Pattern p) {
        if (p == null) {
            return escape(text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 32);
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            sb.append(escape(text.substring(last, m.start()))).append("<mark>").append(escape(m.group())).append("</mark>");
            last = m.end();
        }
        return sb.append(escape(text.substring(last))).toString();
    }

    private static final java.util.regex.Pattern MD_LINE_START = java.util.regex.Pattern
            .compile("(?m)^\\s{0,3}(?:#{1,6}\\s+|[-*+]\\s+|\\d{1,3}[.)]\\s+|>\\s?)");
    private static final java.util.regex.Pattern MD_LINK = java.util.regex.Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final java.util.regex.Pattern MD_MARKS = java.util.regex.Pattern.compile("\\*\\*|__|`+|\\|");

    /**
     * Plain text of a Markdown snippet for search snippets: list bullets, heading marks, emphasis
     * and link syntax go, the words stay. Much cheaper than rendering; the result is escaped
     * when it is marked, so markup in it shows as text (as it does on the reading page).
     */
    public static String plainText(String markdown) {
        if (markdown == null) {
            return "";
        }
        String t = MD_LINE_START.matcher(markdown).replaceAll("");
        t = MD_LINK.matcher(t).replaceAll("$1");
        t = MD_MARKS.matcher(t).replaceAll("");
        return t.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
