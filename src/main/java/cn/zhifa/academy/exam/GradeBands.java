package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Grade bands as "90:优秀,80:良好,60:合格,0:不合格": lower bound in percent, then the band.
 * Bands must start at 0 and have distinct bounds.
 */
public record GradeBands(List<Band> bands) {

    /** The default bands of new exams: formats/grade-bands.properties (academy.exam.default-bands overrides it). */
    public static final String DEFAULT = cn.zhifa.academy.platform.text.FormatWords.of("grade-bands").get("default");

    // pairs are separated by a comma, bound and name by a colon (both also full width)
    private static final String PAIRS = "[,\uff0c]";
    private static final String BOUND = "[:\uff1a]";

    public record Band(BigDecimal from, String name) {
    }

    public static GradeBands parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("bad grade bands: " + text));
    }

    /** Empty when malformed: not "bound:name" pairs, duplicate bounds, out of 0–100, or no band from 0. */
    public static Optional<GradeBands> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Band> list = new ArrayList<>();
        for (String part : text.split(PAIRS)) {
            String[] kv = part.trim().split(BOUND, 2);
            if (kv.length != 2 || kv[1].isBlank()) {
                return Optional.empty();
            }
            BigDecimal from;
            try {
                from = new BigDecimal(kv[0].trim());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (from.signum() < 0 || from.compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.empty();
            }
            list.add(new Band(from, kv[1].trim()));
        }
        list.sort(Comparator.comparing(Band::from).reversed());
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).from().compareTo(list.get(i - 1).from()) == 0) {
                return Optional.empty();
            }
        }
        if (list.get(list.size() - 1).from().signum() != 0) {
            return Optional.empty();
        }
        return Optional.of(new GradeBands(List.copyOf(list)));
    }

    public String bandOf(BigDecimal percent) {
        for (Band b : bands) {
            if (percent.compareTo(b.from()) >= 0) {
                return b.name();
            }
        }
        return bands.get(bands.size() - 1).name();
    }
}
