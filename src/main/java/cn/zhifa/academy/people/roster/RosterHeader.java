package cn.zhifa.academy.people.roster;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header line of a roster (part of {@link RosterValidator}): which column holds what;
 * unknown, repeated and missing required columns are errors on line 1.
 */
final class RosterHeader {

    private RosterHeader() {
    }

    static Map<RosterColumn, Integer> read(RosterReader.Line head, List<RosterError> errors) {
        Map<RosterColumn, Integer> columns = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < head.cells().size(); i++) {
            String h = head.cells().get(i);
            if (h == null || h.isBlank()) {
                continue;
            }
            Optional<RosterColumn> c = RosterColumn.byHeader(h);
            if (c.isEmpty()) {
                errors.add(RosterError.of(1, h, "roster.column_unknown", h));
            } else if (columns.containsKey(c.get())) {
                errors.add(RosterError.of(1, h, "roster.column_repeated", h));
            } else {
                columns.put(c.get(), i);
            }
        }
        Arrays.stream(RosterColumn.values()).filter(c -> c.required && !columns.containsKey(c))
                .forEach(c -> errors.add(RosterError.of(1, c.header, "roster.column_missing", c.header)));
        return columns;
    }
}
