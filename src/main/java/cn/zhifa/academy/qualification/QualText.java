package cn.zhifa.academy.qualification;

/** Enum texts for Java-built tables (templates use {@code qual:message(...)} instead). */
public final class QualText {

    private QualText() {
    }

    /** The bundle in a request's language (an injected bundle would ignore it). */
    public static QualMessages of(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? io.quarkus.qute.i18n.MessageBundles.get(QualMessages.class, io.quarkus.qute.i18n.Localized.Literal.of("en"))
                : io.quarkus.qute.i18n.MessageBundles.get(QualMessages.class);
    }

    /**
     * The bundle in the language of what is written into the records (history notes, the basis
     * of a qualification, the reason of an assignment): Chinese, whoever or whatever writes them.
     */
    public static QualMessages record() {
        return io.quarkus.qute.i18n.MessageBundles.get(QualMessages.class);
    }

    public static String state(QualMessages m, QualificationState s) {
        return switch (s) {
            case VALID -> m.state_VALID();
            case SUSPENDED -> m.state_SUSPENDED();
            case CANCELLED -> m.state_CANCELLED();
            case EXPIRED -> m.state_EXPIRED();
        };
    }
}
