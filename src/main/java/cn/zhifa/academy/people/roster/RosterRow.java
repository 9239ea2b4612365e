package cn.zhifa.academy.people.roster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cell access for one roster line, recording errors against it (part of {@link RosterValidator}). */
final class RosterRow {

    final RosterReader.Line line;
    final Map<RosterColumn, Integer> columns;
    final List<RosterError> errors;
    boolean failed;

    RosterRow(RosterReader.Line line, Map<RosterColumn, Integer> columns, List<RosterError> errors) {
        this.line = line;
        this.columns = columns;
        this.errors = errors;
    }

    String optional(RosterColumn c) {
        Integer i = columns.get(c);
        if (i == null || i >= line.cells().size()) {
            return null;
        }
        String v = line.cells().get(i);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String required(RosterColumn c) {
        String v = optional(c);
        if (v == null) {
            error(c, "必填项“" + c.header + "”为空");
        }
        return v;
    }

    <T> T parse(RosterColumn c, java.util.function.Function<String, Optional<T>> f, String message) {
        String v = required(c);
        if (v == null) {
            return null;
        }
        Optional<T> t = f.apply(v);
        if (t.isEmpty()) {
            error(c, message + "（实际为“" + v + "”）");
        }
        return t.orElse(null);
    }

    void error(RosterColumn c, String message) {
        failed = true;
        errors.add(new RosterError(line.number(), c.header, message));
    }
}
