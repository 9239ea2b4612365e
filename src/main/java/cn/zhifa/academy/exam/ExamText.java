package cn.zhifa.academy.exam;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * The exam bundles for texts built in Java (result notes, report headers), in a request's
 * language; templates use {@code exam:key} and {@code examadmin:key} instead.
 */
public final class ExamText {

    private ExamText() {
    }

    /** The language of the current request, Chinese outside one. */
    public static Locale locale() {
        return ErrorTexts.currentLocale();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The candidate's texts (an injected bundle would ignore the request's language). */
    public static ExamMessages exam(Locale locale) {
        return english(locale) ? MessageBundles.get(ExamMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(ExamMessages.class);
    }

    /**
     * A question type's name for a reader (the {@code type_*} keys of the examadmin bundle; in
     * Chinese the same word as the files write, {@link QuestionType#label}, which stays the
     * format's word wherever a file or the database holds the type).
     */
    public static String type(QuestionType type, Locale locale) {
        ExamAdminMessages m = admin(locale);
        return switch (type) {
            case SINGLE -> m.type_SINGLE();
            case MULTIPLE -> m.type_MULTIPLE();
            case TRUE_FALSE -> m.type_TRUE_FALSE();
            case FILL -> m.type_FILL();
            case CASE_ANALYSIS -> m.type_CASE_ANALYSIS();
        };
    }

    /** A question type's name in the language of the current request. */
    public static String type(QuestionType type) {
        return type(type, locale());
    }

    /** The exam management texts. */
    public static ExamAdminMessages admin(Locale locale) {
        return english(locale) ? MessageBundles.get(ExamAdminMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(ExamAdminMessages.class);
    }
}
