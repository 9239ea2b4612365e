package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.ProblemException;

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
            throw ProblemException.conflict("blueprint", "已有 " + published + " 场已发布考试使用此组卷规则，不能修改；请复制后另存");
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
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "请填写名称（最长 200 字）"));
        }
        Long unit = in.ownerUnitId() != null ? in.ownerUnitId() : scope.defaultUnit();
        if (unit == null || !scope.canManageUnit(unit)) {
            errors.add(new Problem.FieldError("ownerUnitId", "请选择您管理范围内的单位"));
        }
        if (in.sections() == null || in.sections().isEmpty()) {
            errors.add(new Problem.FieldError("sections", "至少需要一个部分"));
        }
        List<BlueprintSection> sections = new ArrayList<>();
        int pos = 1;
        for (BlueprintInput.Section s : in.sections() == null ? List.<BlueprintInput.Section> of() : in.sections()) {
            String f = "sections[" + pos + "]";
            BlueprintSection bs = new BlueprintSection();
            bs.position = pos;
            bs.type = QuestionType.parse(s.type()).orElse(null);
            if (bs.type == null) {
                errors.add(new Problem.FieldError(f + ".type", "第" + pos + "部分：请选择题型"));
            }
            if (s.count() == null || s.count() < 1 || s.count() > 200) {
                errors.add(new Problem.FieldError(f + ".count", "第" + pos + "部分：题数应为 1–200"));
            } else {
                bs.questionCount = s.count();
            }
            if (s.points() == null || s.points().signum() <= 0 || s.points().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new Problem.FieldError(f + ".points", "第" + pos + "部分：每题分值应大于 0 且不超过 100"));
            } else {
                bs.points = s.points();
            }
            if (s.partialCredit() != null && s.partialCredit().signum() != 0) {
                if (bs.type != QuestionType.MULTIPLE || s.partialCredit().signum() < 0
                        || s.partialCredit().compareTo(BigDecimal.ONE) >= 0) {
                    errors.add(new Problem.FieldError(f + ".partialCredit", "第" + pos + "部分：少选得分比例只适用于多选题，应在 0 和 1 之间"));
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
                errors.add(new Problem.FieldError(f + ".difficulty", "第" + pos + "部分：难度范围应在 1–5 之间且下限不大于上限"));
            }
            sections.add(bs);
            pos++;
        }
        BigDecimal total = sections.stream().filter(s -> s.points != null)
                .map(BlueprintSection::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (in.passMark() == null || in.passMark().signum() < 0 || in.passMark().compareTo(total) > 0) {
            errors.add(new Problem.FieldError("passMark", "及格分应在 0 和总分 " + total.stripTrailingZeros().toPlainString() + " 之间"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid blueprint", errors.get(0).message(), errors);
        }
        List<QuestionPool.Shortfall> shortfalls = pool.shortfalls(sections);
        if (!shortfalls.isEmpty()) {
            List<Problem.FieldError> sf = shortfalls.stream().map(s -> new Problem.FieldError(
                    "sections[" + s.position() + "]", "第" + s.position() + "部分（" + s.type().label + "）需要 " + s.wanted()
                            + " 题，题库中符合条件的只有 " + s.available() + " 题，缺 " + (s.wanted() - s.available()) + " 题"))
                    .toList();
            throw new ProblemException(422, "Blueprint cannot be filled", String.join("；",
                    sf.stream().map(Problem.FieldError::message).toList()), sf);
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
        return String.join(",", BlueprintSection.split(csv));
    }
}
