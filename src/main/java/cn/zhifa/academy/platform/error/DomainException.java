package cn.zhifa.academy.platform.error;

import java.util.List;
import java.util.Locale;

/**
 * A rule of the domain was broken: services throw one of the subclasses with a message key of
 * the {@code errors} bundle ({@code messages/errors_zh-CN.properties}, {@code errors_en}) and its
 * arguments. No HTTP here: {@code ErrorMappers} chooses the status from the subclass and writes
 * the text in the reader's language.
 */
public abstract class DomainException extends RuntimeException {

    private final String key;
    private final transient Object[] args;
    private final List<FieldError> errors;
    private String title;

    protected DomainException(String key, Object[] args, List<FieldError> errors) {
        super(key);
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** The key of the message in the {@code errors} bundle. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The fields or rows that are wrong, or null. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * A more specific problem title than the one of the kind (English, part of the API contract,
     * e.g. "Time is up"); null for the kind's own.
     */
    public String title() {
        return title;
    }

    /** Gives the problem a specific title (see {@link #title()}). */
    @SuppressWarnings("unchecked")
    public <T extends DomainException> T titled(String title) {
        this.title = title;
        return (T) this;
    }

    /** The message in the given language. */
    public String text(Locale locale) {
        return ErrorTexts.text(locale, key, args);
    }

    /** The message in the language of the current request (Chinese outside a request). */
    @Override
    public String getMessage() {
        return ErrorTexts.text(ErrorTexts.currentLocale(), key, args);
    }
}
