package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.zhifa.academy.exam.bank.QuestionFields;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.content.Markdown;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * View helpers of the exam management pages, as {@code {xa:time(x)}}: times are shown and typed
 * in China Standard Time (the datetime-local inputs carry no zone), numbers without trailing zeros.
 */
@TemplateExtension(namespace = "xa")
public final class ExamAdminFormat {

    /** @deprecated the zone is configurable (academy.time-zone): use {@link Now#zone()}. */
    @Deprecated
    public static final java.time.ZoneId ZONE = Now.DEFAULT_ZONE_ID;
    // first used while rendering or exporting, so in the configured zone (academy.time-zone)
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Now.zone());
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(Now.zone());

    private ExamAdminFormat() {
    }

    /**
     * A column of the question file format named in a problem (编号, 题干 …), as the form's field in
     * the reader's language ({@code question.field.*} of the errors bundle); a word that is no
     * field of the format is shown as it is.
     */
    static String column(String word) {
        String key = QuestionFields.fieldKey(word);
        return key == null ? word
                : cn.zhifa.academy.platform.error.ErrorTexts.text(cn.zhifa.academy.platform.error.ErrorTexts.currentLocale(),
                        "question.field." + key);
    }

    static String time(Instant i) {
        return i == null ? "—" : SHOWN.format(i);
    }

    static String num(BigDecimal d) {
        return d == null ? "—" : d.stripTrailingZeros().toPlainString();
    }

    static String pct(BigDecimal share) {
        return share == null ? "—" : share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Markdown (a question stem) as the sanitised HTML candidates see. */
    static RawString md(String markdown) {
        return new RawString(markdown == null ? "" : Markdown.toSafeHtmlWithMedia(markdown));
    }

    /** The value of a datetime-local input. */
    public static String input(Instant i) {
        return i == null ? "" : INPUT.format(i);
    }

    /** A datetime-local value read in China Standard Time; null when empty; throws when malformed. */
    public static Instant parse(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(local.trim()).atZone(Now.zone()).toInstant();
    }

    /** Whether a datetime-local value can be read. */
    public static boolean readable(String local) {
        try {
            parse(local);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The errors of a form, with the message for one field (shown under it). */
    public record Errors(List<Problem.FieldError> all) {

        public static final Errors NONE = new Errors(List.of());

        public boolean any() {
            return !all.isEmpty();
        }

        /** The first message for the field or any of its sub-fields ({@code sections[2].count}). */
        public String of(String field) {
            return all.stream().filter(e -> e.field() != null
                    && (e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "[")))
                    .map(Problem.FieldError::message).findFirst().orElse(null);
        }
    }
}
