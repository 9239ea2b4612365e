package cn.zhifa.academy.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.zhifa.academy.platform.error.InvalidException;

/** Form and query dates: an impossible or garbled date is a 400 naming the field, never a 500. */
public final class Dates {

    private Dates() {
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
