package cn.zhifa.academy.people.roster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhifa.academy.platform.error.ErrorTexts;

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
            error(c, "roster.required", c.header);
        }
        return v;
    }

    /**
     * The parsed cell of a required column; when it does not parse, an error naming what was
     * there after the message {@code expectedKey} (a key of the {@code errors} bundle).
     */
    <T> T parse(RosterColumn c, java.util.function.Function<String, Optional<T>> f, String expectedKey) {
        String v = required(c);
        if (v == null) {
            return null;
        }
        Optional<T> t = f.apply(v);
        if (t.isEmpty()) {
            error(c, "roster.not_one_of", ErrorTexts.key(expectedKey), v);
        }
        return t.orElse(null);
    }

    /** An error of this line in column {@code c}: a key of the {@code errors} bundle and its arguments. */
    void error(RosterColumn c, String key, Object... args) {
        failed = true;
        errors.add(RosterError.of(line.number(), c.header, key, args));
    }

    /** An error of this line in column {@code c}, given as key and arguments. */
    void error(RosterColumn c, cn.zhifa.academy.platform.error.FieldError why) {
        error(c, why.key(), why.args());
    }
}
