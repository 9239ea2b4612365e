package cn.zhifa.academy.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import cn.zhifa.academy.platform.error.InvalidException;

/** Form and query dates: an impossible or garbled date is a 400 naming the field, never a 500. */
public final class Dates {

    /** The forms spreadsheets write a date in: 2024-03-01, 2024/3/1, 2024.3.1, 20240301. */
    private static final DateTimeFormatter[] SPREADSHEET = { DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd") };

    private Dates() {
    }

    /** A spreadsheet cell's date in one of the {@link #SPREADSHEET} forms; null otherwise (imports report the row). */
    public static LocalDate spreadsheet(String s) {
        for (DateTimeFormatter f : SPREADSHEET) {
            try {
                return LocalDate.parse(s.trim(), f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** Parses YYYY-MM-DD; null or blank gives null. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidException.field(field, "date.invalid");
        }
    }
}
