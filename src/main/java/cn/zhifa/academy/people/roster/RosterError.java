package cn.zhifa.academy.people.roster;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;

/**
 * One problem in a roster file: the spreadsheet line (1 = header), the column and why. The
 * reason is a key of the {@code errors} bundle with its arguments; {@code message} is its text in
 * the language of the request that read the file. Two errors are equal when line, column and
 * text are.
 */
public record RosterError(int line, String column, String message, @JsonIgnore String key, @JsonIgnore Object[] args) {

    /** A problem already in words (e.g. from a test). */
    public RosterError(int line, String column, String message) {
        this(line, column, message, "content.problem", new Object[] { message });
    }

    /** The problem with key {@code key} of the {@code errors} bundle. */
    public static RosterError of(int line, String column, String key, Object... args) {
        return new RosterError(line, column, ErrorTexts.text(ErrorTexts.currentLocale(), key, args), key, args);
    }

    /** As a row of a domain error: "第 3 行 姓名" and the reason, both by key. */
    public FieldError asFieldError() {
        return new FieldError(ErrorTexts.text(ErrorTexts.currentLocale(), "roster.at", line, column), key, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RosterError e && e.line == line && Objects.equals(e.column, column)
                && Objects.equals(e.message, message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, message);
    }

    @Override
    public String toString() {
        return "RosterError[line=" + line + ", column=" + column + ", message=" + message + "]";
    }
}
