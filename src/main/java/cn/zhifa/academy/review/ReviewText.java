package cn.zhifa.academy.review;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import cn.zhifa.academy.platform.web.LocaleContext;

/** The review bundle in the current request's language (Chinese outside a request). */
public final class ReviewText {

    private ReviewText() {
    }

    public static ReviewMessages of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? MessageBundles.get(ReviewMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(ReviewMessages.class);
    }

    /** For messages shown to the person making the request (errors, confirmations). */
    public static ReviewMessages now() {
        try {
            if (Arc.container().requestContext().isActive()) {
                return of(Arc.container().instance(LocaleContext.class).get().getLocale());
            }
        } catch (RuntimeException e) {
            // no request: Chinese
        }
        return MessageBundles.get(ReviewMessages.class);
    }

    /** For data written into records (plan titles, reasons): always Chinese, the records' language. */
    public static ReviewMessages records() {
        return MessageBundles.get(ReviewMessages.class);
    }
}
