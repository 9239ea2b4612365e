package cn.zhifa.academy.platform.error;

import java.util.Locale;

/**
 * One field or row that is wrong: where, and the key of why (with arguments) in the
 * {@code errors} bundle.
 */
public record FieldError(String field, String key, Object... args) {

    public String text(Locale locale) {
        return ErrorTexts.text(locale, key, args);
    }
}
