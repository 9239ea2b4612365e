package cn.zhifa.academy.exam.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.bank.QuestionFields;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.UnprocessableException;

/** Saves blueprints (组卷规则); a blueprint the bank cannot fill is refused with the shortfall. */
@ApplicationScoped
public class BlueprintService {

    @Inject
    AuditLog audit;

    @Inject
    QuestionPool pool;

    @Inject
    ExamScope scope;

    @Transactional
    public Blueprint create(BlueprintInput in, String actor) {
        Blueprint b = new Blueprint();
        b.createdBy = actor;
        apply(b, in);
        b.persist();
        audit.record("blueprint.create", "blueprint", b.id, AuditLog.detail("name", b.name, "total", b.total()));
        return b;
    }

    @Transactional
    public Blueprint update(long id, BlueprintInput in) {
        Blueprint b = scope.blueprint(id);
        long published = Exam.count("blueprintId = ?1 AND status = ?2", id, Exam.Status.PUBLISHED);
        if (published > 0) {
            throw ConflictException.on("blueprint", "exam.blueprint_in_use", published);
        }
        apply(b, in);
        audit.record("blueprint.update", "blueprint", b.id, AuditLog.detail("name", b.name, "total", b.total()));
        return b;
    }

    /** The save-time warning of a blueprint: case-analysis sections whose value disagrees with their questions' rubrics. */
    @Transactional
    public List<QuestionPool.RubricMismatch> rubricWarnings(long id) {
        return pool.rubricMismatches(scope.blueprint(id).sections);
    }

    private void apply(Blueprint b, BlueprintInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add(new FieldError("name", "exam.blueprint_name_required"));
        }
        Long unit = in.ownerUnitId() != null ? in.ownerUnitId() : scope.defaultUnit();
        if (unit == null || !scope.canManageUnit(unit)) {
            errors.add(new FieldError("ownerUnitId", "exam.unit_outside_scope"));
        }
        if (in.sections() == null || in.sections().isEmpty()) {
            errors.add(new FieldError("sections", "exam.blueprint_sections_required"));
        }
        List<BlueprintSection> sections = new ArrayList<>();
        int pos = 1;
        for (BlueprintInput.Section s : in.sections() == null ? List.<BlueprintInput.Section> of() : in.sections()) {
            String f = "sections[" + pos + "]";
            BlueprintSection bs = new BlueprintSection();
            bs.position = pos;
            bs.type = QuestionType.parse(s.type()).orElse(null);
            if (bs.type == null) {
                errors.add(new FieldError(f + ".type", "exam.section_type_required", pos));
            }
            if (s.count() == null || s.count() < 1 || s.count() > 200) {
                errors.add(new FieldError(f + ".count", "exam.section_count_range", pos));
            } else {
                bs.questionCount = s.count();
            }
            if (s.points() == null || s.points().signum() <= 0 || s.points().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError(f + ".points", "exam.section_points_range", pos));
            } else {
                bs.points = s.points();
            }
            if (s.partialCredit() != null && s.partialCredit().signum() != 0) {
                if (bs.type != QuestionType.MULTIPLE || s.partialCredit().signum() < 0
                        || s.partialCredit().compareTo(BigDecimal.ONE) >= 0) {
                    errors.add(new FieldError(f + ".partialCredit", "exam.section_partial_range", pos));
                } else {
                    bs.partialCredit = s.partialCredit();
                }
            }
            bs.domainCodes = norm(s.domains());
            bs.laws = norm(s.laws());
            bs.tags = norm(s.tags());
            bs.weakPoints = Boolean.TRUE.equals(s.weakPoints());
            bs.difficultyMin = s.difficultyMin() == null ? 1 : s.difficultyMin();
            bs.difficultyMax = s.difficultyMax() == null ? 5 : s.difficultyMax();
            if (bs.difficultyMin < 1 || bs.difficultyMax > 5 || bs.difficultyMin > bs.difficultyMax) {
                errors.add(new FieldError(f + ".difficulty", "exam.section_difficulty_range", pos));
            }
            sections.add(bs);
            pos++;
        }
        BigDecimal total = sections.stream().filter(s -> s.points != null)
                .map(BlueprintSection::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (in.passMark() == null || in.passMark().signum() < 0 || in.passMark().compareTo(total) > 0) {
            errors.add(new FieldError("passMark", "exam.pass_mark_range", total.stripTrailingZeros().toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid blueprint");
        }
        List<QuestionPool.Shortfall> shortfalls = pool.shortfalls(sections);
        if (!shortfalls.isEmpty()) {
            List<FieldError> sf = shortfalls.stream().map(s -> new FieldError("sections[" + s.position() + "]",
                    "exam.section_shortfall", s.position(), ErrorTexts.key("exam.qtype." + s.type().name()), s.wanted(),
                    s.available(), s.wanted() - s.available())).toList();
            // the detail lists every section that falls short, in the language of the request
            java.util.Locale locale = ErrorTexts.currentLocale();
            throw UnprocessableException.listing(sf, "exam.shortfalls", String.join(ErrorTexts.text(locale, "sep.list"),
                    sf.stream().map(f -> f.text(locale)).toList())).titled("Blueprint cannot be filled");
        }
        b.name = in.name().trim();
        b.ownerUnitId = unit;
        b.passMark = in.passMark();
        b.shuffleQuestions = in.shuffleQuestions() == null || in.shuffleQuestions();
        b.shuffleOptions = in.shuffleOptions() == null || in.shuffleOptions();
        b.sections.clear();
        if (b.id != null) {
            BlueprintSection.getEntityManager().flush(); // orphans go before the new positions arrive
        }
        for (BlueprintSection s : sections) {
            s.blueprint = b;
            b.sections.add(s);
        }
    }

    private static String norm(String csv) {
        return String.join(",", QuestionFields.split(csv));
    }
}
