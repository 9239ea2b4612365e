package cn.zhifa.academy.exam.bank;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * One bad cell or field of a question import: the 1-based line (spreadsheet row, or the YAML
 * line of the item), the column or field (a word of the question format, such as the header of
 * the spreadsheet column), and why: a key of the {@code errors} bundle with its arguments, shown
 * in the reader's language ({@link #message()}). In JSON: file, line, column and the message.
 */
@JsonPropertyOrder({ "file", "line", "column", "message" })
public record ImportProblem(String file, int line, String column, @JsonIgnore String key, @JsonIgnore Object[] args) {

    /** The key of a reason that is already text (see {@link #ImportProblem(String, int, String, String)}). */
    static final String AS_TEXT = "content.problem";

    public ImportProblem {
        args = args == null ? new Object[0] : args.clone();
    }

    /** A problem whose reason is already text in the reader's language (e.g. another error's message). */
    public ImportProblem(String file, int line, String column, String message) {
        this(file, line, column, AS_TEXT, new Object[] { message });
    }

    /** A problem with the key of its reason in the {@code errors} bundle and the key's arguments. */
    public static ImportProblem of(String file, int line, String column, String key, Object... args) {
        return new ImportProblem(file, line, column, key, args);
    }

    /** The same reason at another place. */
    public ImportProblem at(String file, int line, String column) {
        return new ImportProblem(file, line, column, key, args);
    }

    @Override
    @JsonIgnore
    public Object[] args() {
        return args.clone();
    }

    /** Why, in the language of the current request (Chinese outside one). */
    @JsonProperty("message")
    public String message() {
        return text(ErrorTexts.currentLocale());
    }

    /** Why, in the given language. */
    public String text(Locale locale) {
        return ErrorTexts.text(locale, key, args);
    }

    @Override
    public String toString() {
        Locale locale = ErrorTexts.currentLocale();
        return ErrorTexts.text(locale, "question.problem.at", file == null ? "" : file + ":", line, column, text(locale));
    }
}
