package cn.zhifa.academy.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;

import cn.zhifa.academy.platform.error.DomainException;
import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * A message for the next page, as in Renarde: an action that fails redirects back (post,
 * redirect, get) and the page it lands on shows the message once. The {@value #COOKIE} cookie
 * carries the message's key and arguments, never text, so the page shows only texts of the
 * {@code errors} bundle, in the reader's language. Templates read it as {@code inject:flash}
 * (the layout shows it above the page).
 */
@RequestScoped
@Named("flash")
public class Flash {

    public static final String COOKIE = "academy-flash";
    private static final String SEP = "\u001f";
    private static final char KEY = '\u0002';

    @Inject
    LocaleContext locale;

    private String key;
    private Object[] args = new Object[0];
    private boolean received;

    /** The error carried over from the previous request, in the reader's language, or null. */
    public String getError() {
        return key == null ? null : ErrorTexts.text(locale.getLocale(), key, args);
    }

    boolean received() {
        return received;
    }

    void receive(String cookie) {
        received = true;
        try {
            List<String> parts = Arrays.asList(new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8)
                    .split(SEP, -1));
            if (ErrorTexts.has(parts.get(0))) {
                key = parts.get(0);
                args = parts.subList(1, parts.size()).stream().map(Flash::argument).toArray();
            }
        } catch (IllegalArgumentException e) {
            // not ours: ignored, and cleared with the response
        }
    }

    private static Object argument(String a) {
        return !a.isEmpty() && a.charAt(0) == KEY && ErrorTexts.has(a.substring(1)) ? ErrorTexts.key(a.substring(1)) : a;
    }

    /** The cookie that carries the error to the next page. */
    public static NewCookie carrying(DomainException e) {
        StringBuilder s = new StringBuilder(e.key());
        for (Object a : e.args()) {
            s.append(SEP).append(a instanceof ErrorTexts.Key k ? KEY + k.key()
                    : a instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(a));
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
        return cookie(value, -1);
    }

    static NewCookie cleared() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
