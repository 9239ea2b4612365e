package cn.zhifa.academy.evaluation;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhifa.academy.platform.web.ProblemException;

/** An evaluation cycle (考核周期) and its labels: {@code 2026}, {@code 2026-Q3}, {@code 2026-07}. */
public enum Cycle {
    MONTHLY, QUARTERLY, ANNUAL;

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(20\\d\\d)-(0[1-9]|1[0-2])");

    /** A period [start, end). */
    public record Period(String label, LocalDate start, LocalDate end) {
    }

    /** Parses a label of this cycle, or refuses it naming the field {@code cycle}. */
    public Period parse(String label) {
        String l = label == null ? "" : label.trim().toUpperCase();
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
        throw ProblemException.invalid("cycle", "考核周期格式应为 " + example() + "（" + label + "）");
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
