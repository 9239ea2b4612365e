package cn.zhifa.academy.evaluation;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhifa.academy.platform.error.InvalidException;

/** An evaluation cycle (考核周期) and its labels: {@code 2026}, {@code 2026-Q3}, {@code 2026-07}. */
public enum Cycle {
    MONTHLY, QUARTERLY, ANNUAL;

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(20\\d\\d)-(0[1-9]|1[0-2])");

    /** A period [start, end). */
    public record Period(String label, LocalDate start, LocalDate end) {
    }

    // 年 (U+5E74), 度 (U+5EA6), 第 (U+7B2C), 季 (U+5B63), 月 (U+6708), 一二三四 (U+4E00 U+4E8C U+4E09 U+56DB)
    private static final Pattern YEAR_WORDS = Pattern.compile("(20\\d\\d)(?:\u5e74\u5ea6?)?");
    private static final Pattern QUARTER_WORDS = Pattern.compile(
            "(20\\d\\d)(?:\u5e74\u5ea6?)?[-/.]?\u7b2c?Q?([1-4\u4e00\u4e8c\u4e09\u56db])(?:\u5b63\u5ea6?)?");
    private static final Pattern MONTH_WORDS = Pattern.compile("(20\\d\\d)(?:\u5e74|[-/.])?(0?[1-9]|1[0-2])\u6708?");
    private static final String CHINESE_QUARTERS = "\u4e00\u4e8c\u4e09\u56db";

    /**
     * The label as people write it turned into the canonical form (issue 13 item 12): full-width
     * digits, "2026年" / "2026年度" → 2026, "2026年第三季度" / "2026Q3" → 2026-Q3, "2026年7月" /
     * "2026/7" → 2026-07. Anything else is returned trimmed and upper-cased, for parse to refuse.
     */
    public String normalise(String label) {
        String l = cn.zhifa.academy.people.roster.HalfWidth.convert(label == null ? "" : label).trim().toUpperCase()
                .replaceAll("\\s+", "");
        Matcher m;
        switch (this) {
            case ANNUAL:
                m = YEAR_WORDS.matcher(l);
                return m.matches() ? m.group(1) : l;
            case QUARTERLY:
                m = QUARTER_WORDS.matcher(l);
                if (m.matches()) {
                    int cq = CHINESE_QUARTERS.indexOf(m.group(2));
                    return m.group(1) + "-Q" + (cq >= 0 ? cq + 1 : Integer.parseInt(m.group(2)));
                }
                return l;
            default:
                m = MONTH_WORDS.matcher(l);
                return m.matches() ? String.format("%s-%02d", m.group(1), Integer.parseInt(m.group(2))) : l;
        }
    }

    /** Parses a label of this cycle (in any of the forms {@link #normalise} accepts), or refuses it naming the field {@code cycle}. */
    public Period parse(String label) {
        String l = normalise(label);
        Matcher m;
        switch (this) {
            case ANNUAL:
                m = YEAR.matcher(l);
                if (m.matches()) {
                    LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                    return new Period(l, s, s.plusYears(1));
                }
                break;
            case QUARTERLY:
                m = QUARTER.matcher(l);
                if (m.matches()) {
                    LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                    return new Period(l, s, s.plusMonths(3));
                }
                break;
            default:
                m = MONTH.matcher(l);
                if (m.matches()) {
                    LocalDate s = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                    return new Period(l, s, s.plusMonths(1));
                }
        }
        throw InvalidException.field("cycle", "evaluation.cycle_format", example(), label);
    }

    public String example() {
        return switch (this) {
            case ANNUAL -> "2026";
            case QUARTERLY -> "2026-Q3";
            case MONTHLY -> "2026-07";
        };
    }

    /** The label of the cycle containing the date. */
    public String labelOf(LocalDate d) {
        return switch (this) {
            case ANNUAL -> String.valueOf(d.getYear());
            case QUARTERLY -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d-%02d", d.getYear(), d.getMonthValue());
        };
    }

    public String msgKey() {
        return "cycle_" + name();
    }
}
