package cn.zhifa.academy.people.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The columns of the roster template (人员花名册), in template order. Headers and examples are
 * words of the format ({@code formats/roster.properties}).
 */
public enum RosterColumn {
    NAME(true),
    EMPLOYEE_NO(true),
    ID_NUMBER(true),
    CATEGORY(true),
    GRADE(true),
    UNIT(true),
    DEPARTMENT(false),
    DOMAINS(false),
    CERT_NO(false),
    STATUS(false),
    STATUS_SINCE(false),
    MOBILE(false),
    PROVIDER_CODE(false);

    // (enum constants are built before static fields: the words are looked up, not kept in one)
    public final String header = words().get("column." + name());
    public final boolean required;
    public final String example = words().get("example." + name());

    RosterColumn(boolean required) {
        this.required = required;
    }

    public static Optional<RosterColumn> byHeader(String header) {
        String h = header == null ? "" : header.trim();
        for (String mark : requiredMarks()) {
            h = h.replace(mark, "");
        }
        String found = h;
        return Arrays.stream(values()).filter(c -> c.header.equals(found)).findFirst();
    }

    private static List<String> requiredMarks() {
        return words().list("required_marks");
    }

    /** The words of the roster format ({@code formats/roster.properties}). */
    static FormatWords words() {
        return FormatWords.of("roster");
    }
}
