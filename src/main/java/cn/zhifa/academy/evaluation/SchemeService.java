package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * Evaluation schemes: validation (weights sum to 100, positive maxima, bands that cover 0–100
 * without gaps or overlaps), and versioning (a scheme in use is never changed in place).
 * Administrators see the schemes of their unit's ancestors and subtree, and change those of
 * their subtree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SchemeService {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    OrgScope orgScope;

    @Inject
    OrgDirectory org;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    public record ItemInput(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
            @NotNull BigDecimal weight, @NotNull BigDecimal maxScore, @NotNull ItemSource source,
            @Size(max = 100) String param) {
    }

    public record BandInput(@NotBlank @Size(max = 20) String label, @NotNull BigDecimal minScore,
            @NotNull BigDecimal maxScore, @Size(max = 200) String consequence, Integer flagConsecutive) {
    }

    /** What a client sends to create or change a scheme. */
    public record SchemeInput(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
            @NotNull SubjectKind subjectKind, @NotNull Cycle cycle, @NotNull Long owningUnitId,
            @Size(max = 1000) String description, @NotEmpty List<@Valid ItemInput> items,
            @NotEmpty List<@Valid BandInput> bands) {
    }

    public record ItemView(long id, String code, String name, BigDecimal weight, BigDecimal maxScore, ItemSource source,
            String param) {
    }

    public record BandView(String label, BigDecimal minScore, BigDecimal maxScore, String consequence,
            Integer flagConsecutive) {
    }

    public record SchemeView(long id, String code, int versionNo, String name, SubjectKind subjectKind, Cycle cycle,
            EvalScheme.Status status, long owningUnitId, String owningUnit, String description, boolean inUse,
            List<ItemView> items, List<BandView> bands) {
    }

    /** Schemes usable in the caller's scope: those owned by their unit, its ancestors or its subtree. */
    public List<EvalScheme> visible(SubjectKind kind) {
        List<EvalScheme> all = kind == null ? EvalScheme.list("ORDER BY code, versionNo DESC")
                : EvalScheme.list("subjectKind = ?1 ORDER BY code, versionNo DESC", kind);
        return all.stream().filter(this::canSee).toList();
    }

    public boolean canSee(EvalScheme s) {
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            return true;
        }
        if (f instanceof OrgScope.Subtree sub) {
            String owner = org.unit(s.owningUnitId).map(OrgDirectory.Unit::path).orElse(null);
            return owner != null && (owner.startsWith(sub.pathPrefix()) || sub.pathPrefix().startsWith(owner));
        }
        return false;
    }

    public Optional<EvalScheme> find(long id) {
        return EvalScheme.<EvalScheme> findByIdOptional(id).filter(this::canSee);
    }

    public EvalScheme require(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("scheme.not_found", id));
    }

    public SchemeView view(EvalScheme s) {
        String unitName = org.unit(s.owningUnitId).map(OrgDirectory.Unit::name).orElse("");
        return new SchemeView(s.id, s.code, s.versionNo, s.name, s.subjectKind, s.cycle, s.status, s.owningUnitId,
                unitName, s.description, s.inUse(),
                s.items().stream().map(i -> new ItemView(i.id, i.code, i.name, i.weight, i.maxScore, i.source, i.param))
                        .toList(),
                s.bands().stream().map(b -> new BandView(b.label, b.minScore, b.maxScore, b.consequence, b.flagConsecutive))
                        .toList());
    }

    @Transactional
    public EvalScheme create(SchemeInput in) {
        validate(in);
        requireOwner(in.owningUnitId());
        if (EvalScheme.count("code", in.code().trim()) > 0) {
            throw ConflictException.on("code", "scheme.code_taken", in.code());
        }
        EvalScheme s = write(new EvalScheme(), in, 1);
        audit.record("evaluation.scheme_created", "eval_scheme", s.id, AuditLog.detail("code", s.code, "version", 1));
        return s;
    }

    /**
     * Changes a scheme. While no evaluation uses it the scheme changes in place; once used it is
     * frozen, the change becomes a new version (same code) and the old one is retired.
     */
    @Transactional
    public EvalScheme update(long id, SchemeInput in) {
        EvalScheme s = require(id);
        requireOwner(s.owningUnitId);
        validate(in);
        requireOwner(in.owningUnitId());
        if (!s.code.equals(in.code().trim())) {
            throw InvalidException.field("code", "scheme.code_fixed");
        }
        if (s.status == EvalScheme.Status.RETIRED) {
            throw ConflictException.on("id", "scheme.version_retired");
        }
        if (s.inUse()) {
            s.status = EvalScheme.Status.RETIRED;
            int next = ((Number) EvalScheme.getEntityManager()
                    .createQuery("SELECT MAX(s.versionNo) FROM EvalScheme s WHERE s.code = ?1").setParameter(1, s.code)
                    .getSingleResult()).intValue() + 1;
            EvalScheme n = write(new EvalScheme(), in, next);
            audit.record("evaluation.scheme_versioned", "eval_scheme", n.id,
                    AuditLog.detail("code", n.code, "version", next, "previous", s.id));
            return n;
        }
        SchemeItem.delete("schemeId", s.id);
        GradeBand.delete("schemeId", s.id);
        SchemeItem.getEntityManager().flush();
        write(s, in, s.versionNo);
        audit.record("evaluation.scheme_updated", "eval_scheme", s.id, AuditLog.detail("code", s.code, "version", s.versionNo));
        return s;
    }

    private void requireOwner(long unitId) {
        if (!org.unitExists(unitId)) {
            throw InvalidException.field("owningUnitId", "scheme.unit_unknown");
        }
        if (!(user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(unitId))) {
            throw new ForbiddenException("scheme.unit_outside_scope", unitId);
        }
    }

    private EvalScheme write(EvalScheme s, SchemeInput in, int versionNo) {
        s.code = in.code().trim();
        s.versionNo = versionNo;
        s.name = in.name().trim();
        s.subjectKind = in.subjectKind();
        s.cycle = in.cycle();
        s.owningUnitId = in.owningUnitId();
        s.description = in.description() == null ? "" : in.description();
        s.status = EvalScheme.Status.ACTIVE;
        if (s.createdBy == null) {
            s.createdBy = user.getUsername() == null ? "system" : user.getUsername();
        }
        s.persist();
        int pos = 0;
        for (ItemInput i : in.items()) {
            SchemeItem it = new SchemeItem();
            it.schemeId = s.id;
            it.position = pos++;
            it.code = i.code().trim();
            it.name = i.name().trim();
            it.weight = i.weight();
            it.maxScore = i.maxScore();
            it.source = i.source();
            it.param = i.param() == null || i.param().isBlank() ? null : i.param().trim();
            it.persist();
        }
        pos = 0;
        for (BandInput b : sortedBands(in.bands())) {
            GradeBand g = new GradeBand();
            g.schemeId = s.id;
            g.position = pos++;
            g.label = b.label().trim();
            g.minScore = b.minScore();
            g.maxScore = b.maxScore();
            g.consequence = b.consequence() == null ? "" : b.consequence();
            g.flagConsecutive = b.flagConsecutive();
            g.persist();
        }
        return s;
    }

    private static List<BandInput> sortedBands(List<BandInput> bands) {
        List<BandInput> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(BandInput::minScore).reversed());
        return sorted;
    }

    /** Refuses a scheme that cannot grade consistently, naming the first wrong field. */
    public static void validate(SchemeInput in) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.items().size(); i++) {
            ItemInput it = in.items().get(i);
            String f = "items[" + i + "]";
            if (!codes.add(it.code().trim())) {
                errors.add(new FieldError(f + ".code", "scheme.item_code_duplicate", it.code()));
            }
            if (it.weight().signum() <= 0) {
                errors.add(new FieldError(f + ".weight", "scheme.weight_positive"));
            }
            if (it.maxScore().signum() <= 0) {
                errors.add(new FieldError(f + ".maxScore", "scheme.max_positive"));
            }
            sum = sum.add(it.weight());
            if (in.subjectKind() == SubjectKind.AUXILIARY
                    && (it.source() == ItemSource.QUALIFIED_SHARE || it.source() == ItemSource.COMPLAINTS)) {
                errors.add(new FieldError(f + ".source", "scheme.source_provider_only"));
            }
            if (in.subjectKind() == SubjectKind.PROVIDER
                    && (it.source() == ItemSource.EXAM_SCORE || it.source() == ItemSource.TRAINING_HOURS)) {
                errors.add(new FieldError(f + ".source", "scheme.source_person_only"));
            }
            if (it.param() != null && !it.param().isBlank()) {
                paramProblem(it).ifPresent(m -> errors.add(new FieldError(f + ".param", m.key(), m.args())));
            }
        }
        if (sum.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("items", "scheme.weights_sum", sum.stripTrailingZeros().toPlainString()));
        }
        List<BandInput> bands = sortedBands(in.bands());
        Set<String> labels = new HashSet<>();
        BigDecimal expectedMax = HUNDRED;
        for (int i = 0; i < bands.size(); i++) {
            BandInput b = bands.get(i);
            if (!labels.add(b.label().trim())) {
                errors.add(new FieldError("bands", "scheme.band_duplicate", b.label()));
            }
            if (b.maxScore().compareTo(b.minScore()) <= 0) {
                errors.add(new FieldError("bands", "scheme.band_range", b.label()));
            } else if (b.maxScore().compareTo(expectedMax) != 0) {
                errors.add(expectedMax.compareTo(HUNDRED) == 0 ? new FieldError("bands", "scheme.band_top", b.label())
                        : new FieldError("bands", "scheme.band_gap", b.label(), expectedMax.stripTrailingZeros().toPlainString()));
            }
            if (b.flagConsecutive() != null && b.flagConsecutive() < 1) {
                errors.add(new FieldError("bands", "scheme.flag_after_min"));
            }
            expectedMax = b.minScore();
        }
        if (expectedMax.signum() != 0) {
            errors.add(new FieldError("bands", "scheme.band_bottom", expectedMax.stripTrailingZeros().toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors);
        }
    }

    private static Optional<FieldError> paramProblem(ItemInput it) {
        try {
            switch (it.source()) {
                case TRAINING_HOURS:
                case COMPLAINTS:
                    if (new BigDecimal(it.param().trim()).signum() <= 0) {
                        return Optional.of(new FieldError("", "scheme.param_positive"));
                    }
                    break;
                case EXAM_SCORE:
                    for (String p : it.param().split(",")) {
                        cn.zhifa.academy.records.ExamPurpose.valueOf(p.trim());
                    }
                    break;
                default:
                    break;
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new FieldError("", "scheme.param_invalid", it.param()));
        }
    }
}
