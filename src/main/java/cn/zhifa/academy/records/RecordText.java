package cn.zhifa.academy.records;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Record texts for Java-built tables and the PDF (templates use {@code records:key} instead). */
public final class RecordText {

    private RecordText() {
    }

    /** The bundle in a request's language (an injected bundle would ignore it). */
    public static RecordMessages of(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? MessageBundles.get(RecordMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(RecordMessages.class);
    }

    public static String purpose(RecordMessages m, ExamPurpose p) {
        return switch (p) {
            case QUALIFICATION_GENERAL -> m.purpose_QUALIFICATION_GENERAL();
            case QUALIFICATION_SPECIAL -> m.purpose_QUALIFICATION_SPECIAL();
            case ANNUAL -> m.purpose_ANNUAL();
            case AUXILIARY -> m.purpose_AUXILIARY();
            case PROVIDER_STAFF -> m.purpose_PROVIDER_STAFF();
            case COURSE_QUIZ -> m.purpose_COURSE_QUIZ();
            case RESIT -> m.purpose_RESIT();
        };
    }
}
