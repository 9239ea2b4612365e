package cn.zhifa.academy.people.roster;

import java.time.LocalDate;
import java.util.Optional;

/** Reading single roster cells (part of {@link RosterValidator}): dates and pseudonymised ID tokens. */
final class RosterCells {

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

    /** A date in one of the forms spreadsheets write; null otherwise (see {@link cn.zhifa.academy.platform.web.Dates#spreadsheet}). */
    static LocalDate parseDate(String s) {
        return cn.zhifa.academy.platform.web.Dates.spreadsheet(s);
    }
}
