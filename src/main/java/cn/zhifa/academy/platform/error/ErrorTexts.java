package cn.zhifa.academy.platform.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.quarkus.arc.Arc;

import cn.zhifa.academy.platform.web.LocaleContext;

/**
 * The texts of domain errors: {@code messages/errors_zh-CN.properties} and
 * {@code messages/errors_en.properties}, looked up by key at run time ({@code {0}}, {@code {1}} …
 * stand for the arguments). Read here rather than through a Qute message bundle because the key
 * comes with the exception, not from a template.
 */
public final class ErrorTexts {

    public static final String BUNDLE = "errors";

    private static final Properties ZH = load("zh-CN");
    private static final Properties EN = load("en");

    private ErrorTexts() {
    }

    private static Properties load(String tag) {
        String file = "messages/" + BUNDLE + "_" + tag + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message for a key in a language (Chinese unless English), the key itself if unknown. */
    public static String text(Locale locale, String key, Object... args) {
        Properties texts = locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            pattern = ZH.getProperty(key, key);
        }
        return format(locale, pattern, args);
    }

    /**
     * An argument that is itself a message of the bundle (a word such as an action or a status),
     * shown in the same language as the message around it.
     */
    public record Key(String key) {
    }

    /** See {@link Key}. */
    public static Key key(String key) {
        return new Key(key);
    }

    /** Whether the bundle knows the key. */
    public static boolean has(String key) {
        return ZH.containsKey(key);
    }

    /** All keys (for the tests that keep both languages complete). */
    public static Set<String> keys() {
        return ZH.stringPropertyNames();
    }

    /** The language of the current request, Chinese outside one. */
    public static Locale currentLocale() {
        try {
            if (Arc.container() != null && Arc.container().requestContext().isActive()) {
                return Arc.container().instance(LocaleContext.class).get().getLocale();
            }
        } catch (RuntimeException e) {
            // no request: Chinese
        }
        return LocaleContext.DEFAULT;
    }

    private static String format(Locale locale, String pattern, Object[] args) {
        if (args == null || args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? show(locale, args[n]) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String show(Locale locale, Object arg) {
        if (arg instanceof Key k) {
            return text(locale, k.key());
        }
        if (arg instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(arg);
    }
}
