package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import cn.zhifa.academy.exam.ExamInput;
import cn.zhifa.academy.exam.GradingMethod;
import cn.zhifa.academy.exam.OverrideInput;
import cn.zhifa.academy.exam.ReviewPolicy;
import cn.zhifa.academy.exam.paper.BlueprintInput;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.web.Problem;

/**
 * The forms of the exam management pages, kept as typed (strings) so that a refused save shows
 * the page again with everything the user wrote; {@code to…} converts them to the engine's
 * inputs and collects what only the form can get wrong (a number or a time it cannot read).
 */
public final class ExamAdminForms {

    private ExamAdminForms() {
    }

    /** One section row of the blueprint builder, and the message shown beside it. */
    public record SectionRow(String type, String count, String points, String partialCredit, String domains,
            String laws, String difficultyMin, String difficultyMax, String tags, String error, String weak) {

        public SectionRow(String type, String count, String points, String partialCredit, String domains, String laws,
                String difficultyMin, String difficultyMax, String tags, String error) {
            this(type, count, points, partialCredit, domains, laws, difficultyMin, difficultyMax, tags, error, "");
        }

        /** Whether the row draws from the candidate's weak knowledge points first. */
        public boolean weakPoints() {
            return "1".equals(weak);
        }

        static SectionRow empty() {
            return new SectionRow("", "", "", "", "", "", "1", "5", "", null);
        }

        boolean blank() {
            return isBlank(type) && isBlank(count) && isBlank(points);
        }

        SectionRow withError(String e) {
            return new SectionRow(type, count, points, partialCredit, domains, laws, difficultyMin, difficultyMax, tags, e,
                    weak);
        }

        /** count × points, or zero while either is not a number. */
        public BigDecimal subtotal() {
            try {
                return new BigDecimal(count.trim()).multiply(new BigDecimal(points.trim()));
            } catch (RuntimeException e) {
                return BigDecimal.ZERO;
            }
        }
    }

    /** 组卷规则 builder: a fixed set of parallel row fields; rows left empty are ignored. */
    public static class BlueprintForm {
        @RestForm
        public String name;
        @RestForm
        public String ownerUnitId;
        @RestForm
        public String passMark;
        @RestForm
        public String shuffleQuestions;
        @RestForm
        public String shuffleOptions;
        @RestForm("s_type")
        public List<String> sType;
        @RestForm("s_count")
        public List<String> sCount;
        @RestForm("s_points")
        public List<String> sPoints;
        @RestForm("s_partial")
        public List<String> sPartial;
        @RestForm("s_domains")
        public List<String> sDomains;
        @RestForm("s_laws")
        public List<String> sLaws;
        @RestForm("s_dmin")
        public List<String> sDmin;
        @RestForm("s_dmax")
        public List<String> sDmax;
        @RestForm("s_tags")
        public List<String> sTags;

        /** Per row "1" when the section draws from the candidate's weak knowledge points first. */
        @RestForm("s_weak")
        public List<String> sWeak;

        /** Rows as shown: the typed ones, then blanks up to at least {@code minimum} rows. */
        public List<SectionRow> rows;

        public static BlueprintForm blank(Long unit) {
            BlueprintForm f = new BlueprintForm();
            f.ownerUnitId = unit == null ? "" : String.valueOf(unit);
            f.shuffleQuestions = "on";
            f.shuffleOptions = "on";
            f.rows = new ArrayList<>();
            f.pad(4);
            return f;
        }

        public static BlueprintForm of(ExamAdminViews.BlueprintView b) {
            BlueprintForm f = new BlueprintForm();
            f.name = b.name();
            f.ownerUnitId = String.valueOf(b.ownerUnitId());
            f.passMark = plain(b.passMark());
            f.shuffleQuestions = b.shuffleQuestions() ? "on" : null;
            f.shuffleOptions = b.shuffleOptions() ? "on" : null;
            f.rows = new ArrayList<>();
            for (ExamAdminViews.SectionView s : b.sections()) {
                f.rows.add(new SectionRow(s.type(), String.valueOf(s.count()), plain(s.points()), plain(s.partialCredit()),
                        s.domains(), s.laws(), String.valueOf(s.difficultyMin()), String.valueOf(s.difficultyMax()),
                        s.tags(), null, s.weakPoints() ? "1" : ""));
            }
            f.pad(f.rows.size() + 1);
            return f;
        }

        void pad(int minimum) {
            while (rows.size() < minimum) {
                rows.add(SectionRow.empty());
            }
        }

        public boolean unitIs(long id) {
            return String.valueOf(id).equals(ownerUnitId);
        }

        public boolean shuffleQuestionsOn() {
            return shuffleQuestions != null;
        }

        public boolean shuffleOptionsOn() {
            return shuffleOptions != null;
        }

        public BigDecimal total() {
            return rows.stream().filter(r -> !r.blank()).map(SectionRow::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Sections with content (the saved message names them, issue 13 item 12). */
        public int sectionCount() {
            return (int) rows.stream().filter(r -> !r.blank()).count();
        }

        /** Questions in all sections. */
        public int questionCount() {
            return rows.stream().filter(r -> !r.blank()).mapToInt(r -> {
                try {
                    return Integer.parseInt(r.count().trim());
                } catch (RuntimeException e) {
                    return 0;
                }
            }).sum();
        }

        /** Reads the posted row fields into {@link #rows}; blank rows drop out. */
        void readRows() {
            rows = new ArrayList<>();
            int n = sType == null ? 0 : sType.size();
            for (int i = 0; i < n; i++) {
                SectionRow r = new SectionRow(at(sType, i), at(sCount, i), at(sPoints, i), at(sPartial, i), at(sDomains, i),
                        at(sLaws, i), at(sDmin, i), at(sDmax, i), at(sTags, i), null, at(sWeak, i));
                if (!r.blank()) {
                    rows.add(r);
                }
            }
        }

        /** The engine's input; {@code errors} gets the fields the form could not read, by section position. */
        BlueprintInput toInput(List<FieldError> errors) {
            readRows();
            List<BlueprintInput.Section> sections = new ArrayList<>();
            int pos = 1;
            for (SectionRow r : rows) {
                String f = "sections[" + pos + "]";
                sections.add(new BlueprintInput.Section(r.type(), integer(r.count(), f + ".count", errors, "exam.form.section_count_integer", pos),
                        decimal(r.points(), f + ".points", errors, "exam.form.section_points_number", pos),
                        decimal(r.partialCredit(), f + ".partialCredit", errors, "exam.form.section_partial_decimal", pos),
                        r.domains(), r.laws(), integer(r.difficultyMin(), f + ".difficulty", errors, "exam.form.section_difficulty_integer", pos),
                        integer(r.difficultyMax(), f + ".difficulty", errors, "exam.form.section_difficulty_integer", pos), r.tags(),
                        r.weakPoints()));
                pos++;
            }
            return new BlueprintInput(name, longValue(ownerUnitId, "ownerUnitId", errors, "exam.form.unit_required"),
                    decimal(passMark, "passMark", errors, "exam.form.pass_mark_number"), shuffleQuestions != null, shuffleOptions != null,
                    sections);
        }

        /** Puts each section's message beside its row (sections[n] is the n-th non-empty row). */
        void attach(List<Problem.FieldError> errors) {
            List<SectionRow> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String prefix = "sections[" + (i + 1) + "]";
                String msg = errors.stream().filter(e -> e.field() != null
                        && (e.field().equals(prefix) || e.field().startsWith(prefix + ".")))
                        .map(Problem.FieldError::message)
                        .reduce((a, b) -> a + ErrorTexts.text(ErrorTexts.currentLocale(), "sep.list") + b).orElse(null);
                out.add(rows.get(i).withError(msg));
            }
            rows = out;
            pad(rows.size() + 1);
        }
    }

    /** 考试安排: the exam's settings and its audience. Times are datetime-local values in China Standard Time. */
    public static class ExamForm {
        @RestForm
        public String code;
        @RestForm
        public String title;
        @RestForm
        public String description;
        @RestForm
        public String purpose;
        @RestForm
        public String resitOf;
        @RestForm
        public String domainCode;
        @RestForm
        public String blueprintId;
        @RestForm
        public String ownerUnitId;
        @RestForm
        public String opensAt;
        @RestForm
        public String closesAt;
        @RestForm
        public String durationMinutes;
        @RestForm
        public String maxAttempts;
        @RestForm
        public String gradingMethod;
        @RestForm
        public String reviewPolicy;
        @RestForm
        public String bands;
        @RestForm
        public List<String> categories;
        @RestForm
        public List<String> grades;
        @RestForm
        public List<String> unitIds;
        @RestForm
        public List<String> providerIds;
        /** Employee numbers separated by new lines, commas or spaces. */
        @RestForm
        public String employeeNos;
        /** 匿名阅卷: AUTO (the purpose's default), ON or OFF. */
        @RestForm
        public String anonymousGrading;

        public static ExamForm blank(Long unit, Long blueprint, String bands) {
            ExamForm f = new ExamForm();
            f.purpose = "QUALIFICATION_GENERAL";
            f.domainCode = "TY";
            f.ownerUnitId = unit == null ? "" : String.valueOf(unit);
            f.blueprintId = blueprint == null ? "" : String.valueOf(blueprint);
            f.durationMinutes = "90";
            f.maxAttempts = "1";
            f.gradingMethod = GradingMethod.HIGHEST.name();
            f.reviewPolicy = ReviewPolicy.AFTER_CLOSE.name();
            f.bands = bands;
            f.anonymousGrading = "AUTO";
            return f;
        }

        public static ExamForm of(ExamAdminViews.ExamView e, List<String> listedEmployeeNos) {
            ExamForm f = new ExamForm();
            f.code = e.code();
            f.title = e.title();
            f.description = e.description();
            f.purpose = e.purpose();
            f.resitOf = e.resitOfExamCode();
            f.domainCode = e.domainCode();
            f.blueprintId = String.valueOf(e.blueprintId());
            f.ownerUnitId = String.valueOf(e.ownerUnitId());
            f.opensAt = ExamAdminFormat.input(e.opensAt());
            f.closesAt = ExamAdminFormat.input(e.closesAt());
            f.durationMinutes = String.valueOf(e.durationMinutes());
            f.maxAttempts = String.valueOf(e.maxAttempts());
            f.gradingMethod = e.gradingMethod();
            f.reviewPolicy = e.reviewPolicy();
            f.bands = e.bands();
            f.categories = e.audience().stream().filter(a -> a.kind().equals("CATEGORY")).map(a -> a.value()).toList();
            f.grades = e.audience().stream().filter(a -> a.kind().equals("GRADE")).map(a -> a.value()).toList();
            f.unitIds = e.audience().stream().filter(a -> a.kind().equals("UNIT")).map(a -> a.value()).toList();
            f.providerIds = e.audience().stream().filter(a -> a.kind().equals("PROVIDER")).map(a -> a.value()).toList();
            f.employeeNos = String.join("\n", listedEmployeeNos);
            f.anonymousGrading = e.anonymousGrading() ? "ON" : "OFF";
            return f;
        }

        public boolean unitIs(long id) {
            return String.valueOf(id).equals(ownerUnitId);
        }

        public boolean blueprintIs(long id) {
            return String.valueOf(id).equals(blueprintId);
        }

        public boolean has(String kind, Object value) {
            List<String> l = switch (kind) {
                case "category" -> categories;
                case "grade" -> grades;
                case "unit" -> unitIds;
                default -> providerIds;
            };
            return l != null && l.contains(String.valueOf(value));
        }

        ExamInput toInput(List<FieldError> errors) {
            Instant opens = instant(opensAt, "opensAt", errors);
            Instant closes = instant(closesAt, "closesAt", errors);
            // separated by spaces, commas, 、 or semicolons (also full width)
            List<String> nos = employeeNos == null ? List.of()
                    : Arrays.stream(employeeNos.split("[\\s,\uff0c\u3001;\uff1b]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                            .toList();
            List<Long> units = new ArrayList<>();
            for (String u : nonNull(unitIds)) {
                Long id = longValue(u, "unitIds", errors, "exam.form.unit_id_number");
                if (id != null) {
                    units.add(id);
                }
            }
            List<Long> providers = new ArrayList<>();
            for (String p : nonNull(providerIds)) {
                Long id = longValue(p, "providerIds", errors, "exam.form.provider_id_number");
                if (id != null) {
                    providers.add(id);
                }
            }
            return new ExamInput(code, title, description, purpose, isBlank(resitOf) ? null : resitOf.trim(), domainCode,
                    longValue(blueprintId, "blueprintId", errors, "exam.blueprint_required"),
                    longValue(ownerUnitId, "ownerUnitId", errors, "exam.form.unit_required"), opens, closes,
                    integer(durationMinutes, "durationMinutes", errors, "exam.form.duration_integer"),
                    integer(maxAttempts, "maxAttempts", errors, "exam.form.attempts_integer"), gradingMethod, reviewPolicy, bands,
                    nonNull(categories).stream().filter(s -> !s.isBlank()).toList(),
                    nonNull(grades).stream().filter(s -> !s.isBlank()).toList(), units, providers, nos, anonymousGrading);
        }
    }

    /** 个别调整: extra time, attempts or another window for a person or a unit; the reason is required. */
    public static class OverrideForm {
        @RestForm
        public String employeeNo;
        @RestForm
        public String unitId;
        @RestForm
        public String extraMinutes;
        @RestForm
        public String extraAttempts;
        @RestForm
        public String opensAt;
        @RestForm
        public String closesAt;
        @RestForm
        public String reason;

        public boolean unitIs(long id) {
            return String.valueOf(id).equals(unitId);
        }

        public static OverrideForm blank() {
            return new OverrideForm();
        }

        OverrideInput toInput(List<FieldError> errors) {
            return new OverrideInput(isBlank(employeeNo) ? null : employeeNo.trim(),
                    longValue(unitId, "unitId", errors, "exam.form.unit_required"),
                    integer(extraMinutes, "extraMinutes", errors, "exam.form.extra_minutes_integer"),
                    integer(extraAttempts, "extraAttempts", errors, "exam.form.extra_attempts_integer"),
                    instant(opensAt, "opensAt", errors), instant(closesAt, "closesAt", errors), reason);
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).trim();
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    static Integer integer(String s, String field, List<FieldError> errors, String key, Object... args) {
        if (isBlank(s)) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, key, args));
            return null;
        }
    }

    static Long longValue(String s, String field, List<FieldError> errors, String key, Object... args) {
        if (isBlank(s)) {
            return null;
        }
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, key, args));
            return null;
        }
    }

    static BigDecimal decimal(String s, String field, List<FieldError> errors, String key, Object... args) {
        if (isBlank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, key, args));
            return null;
        }
    }

    static Instant instant(String local, String field, List<FieldError> errors) {
        try {
            return ExamAdminFormat.parse(local);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "exam.form.time_format"));
            return null;
        }
    }
}
