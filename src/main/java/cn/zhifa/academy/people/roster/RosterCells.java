package cn.zhifa.academy.people.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading single roster cells (part of {@link RosterValidator}): dates and pseudonymised ID tokens. */
final class RosterCells {

    private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd") };

    private RosterCells() {
    }

    /**
     * Prefix of an ID number cell in a stored, pseudonymised roster ({@link RosterPseudonymiser}):
     * {@code HMAC:<id hash>:<masked id>}. Accepted only when {@code pseudonymised} is set, i.e.
     * when the service re-reads its own stored copy at commit; an uploaded file must carry the
     * ID numbers themselves.
     */
    static final String TOKEN = "HMAC:";

    private static final java.util.regex.Pattern TOKEN_FORM = java.util.regex.Pattern
            .compile("HMAC:([0-9a-f]{64}):([0-9]{6}\\*{10}[0-9]{1,3}[0-9Xx])");

    /** The hash and the masked form carried by a pseudonymised cell, if it is one. */
    static Optional<String[]> token(String cell) {
        java.util.regex.Matcher m = cell == null ? null : TOKEN_FORM.matcher(cell.trim());
        return m != null && m.matches() ? Optional.of(new String[] { m.group(1), m.group(2) }) : Optional.empty();
    }


    /** A date in one of the forms spreadsheets write (2024-03-01, 2024/3/1, 2024.3.1, 20240301); null otherwise. */
    static LocalDate parseDate(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s.trim(), f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
