package cn.zhifa.academy.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The language of the current request: the {@value #COOKIE} cookie set by the language
 * switch, else Chinese. Templates reach it as {@code inject:localeContext}.
 */
@RequestScoped
@Named("localeContext")
public class LocaleContext {

    public static final String COOKIE = "academy-lang";
    public static final Locale DEFAULT = Locale.forLanguageTag("zh-CN");
    public static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.ENGLISH);

    private Locale locale = DEFAULT;
    private String currentPath = "/";

    public Locale getLocale() {
        return locale;
    }

    public String getTag() {
        return locale.toLanguageTag();
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** Path and query of the current page, for links that come back to it. */
    public String getCurrentPath() {
        return currentPath;
    }

    void set(Locale locale, String currentPath) {
        this.locale = locale;
        this.currentPath = currentPath;
    }

    /** The language a request asked for with the {@value #COOKIE} cookie, else the default. */
    public static Locale of(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.http.Cookie cookie = request.getCookie(COOKIE);
        Locale locale = cookie == null ? null : supported(cookie.getValue());
        return locale == null ? DEFAULT : locale;
    }

    /** The supported locale for a tag, or null. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag.trim());
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return l;
            }
        }
        return null;
    }
}
