package cn.zhifa.academy.platform.web;

/**
 * What text the service accepts anywhere (issue 12 items 10, 15): no NUL and no control
 * characters other than tab, line feed and carriage return (PostgreSQL cannot even store NUL);
 * text made only of invisible characters (zero-width spaces, joiners, BOM, blanks) counts as
 * empty.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text is refused, or null when it is acceptable. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "contains a control character";
            }
        }
        return null;
    }

    /** True for text that shows nothing: only whitespace and zero-width characters (but not ""). */
    public static boolean invisibleOnly(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200b
                || c == 0x200c || c == 0x200d || c == 0x2060 || c == 0xfeff || c == 0x00ad || c == 0x180e);
    }

    /** True when the text is null, empty or shows nothing. */
    public static boolean blank(String s) {
        return s == null || s.isBlank() || invisibleOnly(s);
    }
}
