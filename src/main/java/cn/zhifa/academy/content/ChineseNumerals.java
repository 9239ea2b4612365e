package cn.zhifa.academy.content;

/**
 * Chinese numerals as statutes write article numbers (第一百二十四条) and back. Covers 1–9999,
 * which is every article number in use.
 */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** Whether every character is a Chinese numeral character this class understands. */
    public static boolean isNumeral(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> digit(c) >= 0 || unit(c) > 0);
    }

    /**
     * The value of a Chinese numeral such as 三十三, 十五, 一百零三, 两千; -1 when the text is
     * not a well-formed numeral (e.g. 三三, or anything else).
     */
    public static int parse(String s) {
        if (s == null || !isNumeral(s)) {
            return -1;
        }
        int total = 0;
        int current = -1; // the digit waiting for its unit; -1: none yet
        int lastUnit = Integer.MAX_VALUE;
        boolean afterZero = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int u = unit(c);
            if (u > 0) {
                int d;
                if (u >= lastUnit) {
                    return -1; // units must fall: 十百
                } else if (current < 0 && i == 0 && u == 10) {
                    d = 1; // 十五
                } else if (current <= 0) {
                    return -1; // a unit without its digit: 一百十, 零十
                } else {
                    d = current;
                }
                total += d * u;
                lastUnit = u;
                current = -1;
                afterZero = false;
            } else {
                int d = digit(c);
                if (current > 0 || current == 0 && d == 0) {
                    return -1; // two digits in a row: 三三, 零零
                }
                afterZero = d == 0;
                current = d;
            }
        }
        if (current > 0) {
            // 一百三 means 130 in speech; statutes write 一百三十 or 一百零三, so refuse the guess
            if (lastUnit != Integer.MAX_VALUE && lastUnit > 10 && !afterZeroBefore(s)) {
                return -1;
            }
            total += current;
        }
        return total > 0 && !afterZero ? total : -1;
    }

    /** Whether the last digit of s follows a 零 (一百零三). */
    private static boolean afterZeroBefore(String s) {
        return s.length() >= 2 && digit(s.charAt(s.length() - 2)) == 0;
    }

    /** The Chinese numeral for 1–9999: 33 → 三十三, 10 → 十, 103 → 一百零三, 110 → 一百一十. */
    public static String format(int n) {
        if (n <= 0 || n > 9999) {
            throw new IllegalArgumentException("article numbers run from 1 to 9999: " + n);
        }
        int[] parts = { n / 1000, n / 100 % 10, n / 10 % 10, n % 10 };
        String[] units = { "千", "百", "十", "" };
        StringBuilder sb = new StringBuilder();
        boolean zeroPending = false;
        for (int i = 0; i < 4; i++) {
            int d = parts[i];
            if (d == 0) {
                zeroPending = sb.length() > 0;
                continue;
            }
            if (zeroPending) {
                sb.append('零');
                zeroPending = false;
            }
            if (!(i == 2 && d == 1 && sb.length() == 0)) { // 十五, not 一十五
                sb.append(DIGITS.charAt(d));
            }
            sb.append(units[i]);
        }
        return sb.toString();
    }

    /** 第三十三条 for 33. */
    public static String article(int n) {
        return "第" + format(n) + "条";
    }

    private static int digit(int c) {
        if (c == '〇' || c == '零') {
            return 0;
        }
        if (c == '两') {
            return 2;
        }
        return DIGITS.indexOf(c);
    }

    private static int unit(int c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> 0;
        };
    }
}
