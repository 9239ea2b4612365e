package cn.zhifa.academy.curriculum;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import cn.zhifa.academy.platform.error.ErrorTexts;

/** The curriculum bundle in a language: the reader's, or Chinese for what is written into records. */
final class CurriculumText {

    private CurriculumText() {
    }

    static CurriculumMessages of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? MessageBundles.get(CurriculumMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(CurriculumMessages.class);
    }

    /** For texts shown to the person making the request (Chinese outside a request). */
    static CurriculumMessages now() {
        return of(ErrorTexts.currentLocale());
    }

    /** For data written into records (plan titles, ledger descriptions, reasons): always Chinese, the records' language. */
    static CurriculumMessages records() {
        return MessageBundles.get(CurriculumMessages.class);
    }
}
