package cn.zhifa.academy.people.roster;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ, typed with a Chinese input method) in the
 * code-like columns of a roster are turned into their half-width forms before validation, so
 * "３３０２０３…" is read as the ID number it is (issue 13 item 11). Names, units and other text
 * columns are left exactly as written. The preview says how many cells were changed and where.
 */
public final class HalfWidth {

    /** Columns holding codes, numbers and dates. */
    static final Set<RosterColumn> CODE_COLUMNS = EnumSet.of(RosterColumn.EMPLOYEE_NO, RosterColumn.ID_NUMBER,
            RosterColumn.CERT_NO, RosterColumn.STATUS_SINCE, RosterColumn.MOBILE, RosterColumn.PROVIDER_CODE);

    /** The lines with code cells converted; how many cells changed and on which lines. */
    public record Normalised(List<RosterReader.Line> lines, int cells, List<Integer> lineNumbers) {
    }

    private HalfWidth() {
    }

    /** Converts full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width. */
    public static String convert(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char h = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (h != c && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(h);
            }
        }
        return b == null ? s : b.toString().trim();
    }

    /** Converts the code columns named in the header line (line 1); other lines and columns unchanged. */
    public static Normalised codeColumns(List<RosterReader.Line> lines) {
        if (lines.isEmpty()) {
            return new Normalised(lines, 0, List.of());
        }
        List<String> header = lines.get(0).cells();
        List<Integer> code = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (RosterColumn.byHeader(header.get(i)).filter(CODE_COLUMNS::contains).isPresent()) {
                code.add(i);
            }
        }
        int changed = 0;
        TreeSet<Integer> where = new TreeSet<>();
        List<RosterReader.Line> out = new ArrayList<>(lines.size());
        out.add(lines.get(0));
        for (RosterReader.Line line : lines.subList(1, lines.size())) {
            List<String> cells = null;
            for (int i : code) {
                if (i < line.cells().size()) {
                    String v = line.cells().get(i);
                    String h = convert(v);
                    if (v != null && !v.equals(h)) {
                        if (cells == null) {
                            cells = new ArrayList<>(line.cells());
                        }
                        cells.set(i, h);
                        changed++;
                        where.add(line.number());
                    }
                }
            }
            out.add(cells == null ? line : new RosterReader.Line(line.number(), cells));
        }
        return new Normalised(out, changed, List.copyOf(where));
    }
}
