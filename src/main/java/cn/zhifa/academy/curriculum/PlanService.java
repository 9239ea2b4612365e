package cn.zhifa.academy.curriculum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.security.ForbiddenException;

/** Training plans (培训计划), their progress by unit and person, offline hours. */
@ApplicationScoped
@Transactional
public class PlanService {

    @Inject
    OrgScope orgScope;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory directory;

    @Inject
    PeopleScope peopleScope;

    @Inject
    CurrentUser user;

    @Inject
    PlanSync sync;

    @Inject
    AuditLog audit;

    @Inject
    MediaService media;

    /** What an administrator sends to create or change a plan. */
    public record PlanInput(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 200) String title,
            @NotNull Long owningUnitId, List<PersonCategory> categories, List<Grade> grades, List<OrgLevel> levels,
            List<Long> domainIds, Long audienceUnitId, @NotEmpty @Size(max = 200) List<String> courseCodes,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 1) BigDecimal requiredHours,
            @NotNull LocalDate dueDate) {
    }

    public record PlanView(long id, int year, String title, String owningUnit, List<String> categories,
            List<String> grades, List<String> levels, List<Long> domainIds, Long audienceUnitId,
            List<String> courseCodes, BigDecimal requiredHours, LocalDate dueDate, String status, long openAssignments) {
    }

    public TrainingPlan create(@Valid PlanInput in) {
        TrainingPlan p = new TrainingPlan();
        p.createdBy = user.getUsername();
        apply(p, in);
        p.persist();
        sync.sync(p); // the plan-sync lock before the audit chain lock (AdvisoryLocks: audit last)
        audit.record("plan.created", "training_plan", p.id, AuditLog.detail("after", summary(p)));
        return p;
    }

    public TrainingPlan update(long id, @Valid PlanInput in) {
        TrainingPlan p = managed(id);
        Map<String, Object> before = summary(p);
        apply(p, in);
        sync.sync(p); // the plan-sync lock before the audit chain lock (AdvisoryLocks: audit last)
        audit.record("plan.updated", "training_plan", p.id, AuditLog.detail("before", before, "after", summary(p)));
        return p;
    }

    public void close(long id) {
        TrainingPlan p = managed(id);
        p.status = TrainingPlan.Status.CLOSED;
        audit.record("plan.closed", "training_plan", p.id, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanView> visible() {
        return TrainingPlan.<TrainingPlan> list("ORDER BY year DESC, dueDate").stream()
                .filter(p -> orgScope.canActOnUnit(p.owningUnitId)).map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingPlan visible(long id) {
        TrainingPlan p = TrainingPlan.findById(id);
        if (p == null || !orgScope.canActOnUnit(p.owningUnitId)) {
            throw new NotFoundException("plan.not_found", id);
        }
        return p;
    }

    PlanView view(TrainingPlan p) {
        return new PlanView(p.id, p.year, p.title, org.unit(p.owningUnitId).orElseThrow().name(), p.categoryList(),
                p.gradeList(), p.levelList(), p.domainIdList(), p.audienceUnitId,
                p.courses.stream().map(c -> c.code).toList(), p.requiredHours, p.dueDate, p.status.name(),
                PlanAssignment.count("planId = ?1 AND status = ?2", p.id, PlanAssignment.Status.OPEN));
    }

    public PlanView viewOf(long id) {
        return view(visible(id));
    }

    private TrainingPlan managed(long id) {
        TrainingPlan p = visible(id);
        if (!(user.isAdmin() || user.isSysadmin())) {
            throw new ForbiddenException("only administrators change plans");
        }
        return p;
    }

    private void apply(TrainingPlan p, PlanInput in) {
        if (!(user.isAdmin() || user.isSysadmin()) || !orgScope.canActOnUnit(in.owningUnitId())) {
            throw new ForbiddenException("owning unit outside your scope");
        }
        if (in.audienceUnitId() != null && !orgScope.canActOnUnit(in.audienceUnitId())) {
            throw new ForbiddenException("audience unit outside your scope");
        }
        if (in.dueDate().getYear() > 2100) {
            throw InvalidException.field("dueDate", "plan.due_before_2100");
        }
        if (in.dueDate().getYear() < in.year()) {
            throw InvalidException.field("dueDate", "plan.due_before_year");
        }
        p.year = in.year();
        p.title = in.title().trim();
        p.owningUnitId = in.owningUnitId();
        p.categories = join(in.categories());
        p.grades = join(in.grades());
        p.levels = join(in.levels());
        p.domainIds = in.domainIds() == null ? "" : in.domainIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        p.audienceUnitId = in.audienceUnitId();
        p.requiredHours = in.requiredHours();
        p.dueDate = in.dueDate();
        p.courses.clear();
        for (String code : in.courseCodes()) {
            Course c = Course.byCode(code).orElseThrow(() -> InvalidException.field("courseCodes", "plan.course_unknown", code));
            p.courses.add(c);
        }
    }

    // ---- progress ----------------------------------------------------------------------

    /** One unit's row of a plan's progress. */
    public record UnitProgress(long unitId, String unit, int assigned, int completed, int belowHours) {
        public int percent() {
            return assigned == 0 ? 0 : completed * 100 / assigned;
        }
    }

    /** One person's row of a plan's progress. */
    public record PersonProgress(long personId, String name, String employeeNo, String unit, int coursesDone,
            int coursesRequired, BigDecimal hours, boolean belowHours) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonProgress> people(long planId, Long unitId) {
        TrainingPlan p = visible(planId);
        List<Long> personIds = PlanAssignment.<PlanAssignment> list("planId = ?1 AND status = ?2", planId,
                PlanAssignment.Status.OPEN).stream().map(a -> a.personId).toList();
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<PeopleDirectory.PersonSummary> people = directory.list(personIds).stream().filter(peopleScope::canSee)
                .filter(x -> unitId == null || unitId.equals(x.unitId())).toList();
        Set<Long> courseIds = p.courses.stream().map(c -> c.id).collect(Collectors.toSet());
        Map<Long, Integer> done = new HashMap<>();
        Map<Long, BigDecimal> hours = new HashMap<>();
        List<Long> ids = people.stream().map(x -> x.id()).toList();
        if (!ids.isEmpty()) {
            Enrollment.<Enrollment> list("personId IN ?1 AND completedAt IS NOT NULL", ids).stream()
                    .filter(e -> courseIds.contains(e.courseId)).forEach(e -> done.merge(e.personId, 1, Integer::sum));
            HoursEntry.getEntityManager().createQuery("SELECT h.personId, SUM(h.hours) FROM HoursEntry h "
                    + "WHERE h.personId IN :ids AND h.year = :year GROUP BY h.personId", Object[].class)
                    .setParameter("ids", ids).setParameter("year", p.year).getResultList()
                    .forEach(r -> hours.put((Long) r[0], (BigDecimal) r[1]));
        }
        Map<Long, String> units = org.unitNames();
        List<PersonProgress> out = new ArrayList<>();
        for (PeopleDirectory.PersonSummary x : people) {
            BigDecimal h = hours.getOrDefault(x.id(), BigDecimal.ZERO);
            out.add(new PersonProgress(x.id(), x.name(), x.employeeNo(), units.get(x.unitId()), done.getOrDefault(x.id(), 0),
                    courseIds.size(), h, h.compareTo(p.requiredHours) < 0));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitProgress> byUnit(long planId) {
        Map<String, UnitProgress> rows = new LinkedHashMap<>();
        Map<String, Long> unitIds = new HashMap<>();
        org.unitNames().forEach((id, name) -> unitIds.put(name, id));
        for (PersonProgress pp : people(planId, null)) {
            UnitProgress r = rows.getOrDefault(pp.unit(), new UnitProgress(unitIds.get(pp.unit()), pp.unit(), 0, 0, 0));
            rows.put(pp.unit(), new UnitProgress(r.unitId(), r.unit(), r.assigned() + 1,
                    r.completed() + (pp.coursesDone() >= pp.coursesRequired() ? 1 : 0),
                    r.belowHours() + (pp.belowHours() ? 1 : 0)));
        }
        return new ArrayList<>(rows.values());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] exportXlsx(long planId) throws IOException {
        TrainingPlan p = visible(planId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CurriculumMessages msg = CurriculumText.now();
            Sheet units = wb.createSheet(msg.xlsx_units());
            row(units, 0, msg.xlsx_unit(), msg.xlsx_assigned(), msg.xlsx_completed(), msg.xlsx_percent(),
                    msg.xlsx_below_hours());
            int r = 1;
            for (UnitProgress u : byUnit(planId)) {
                row(units, r++, u.unit(), u.assigned(), u.completed(), u.percent(), u.belowHours());
            }
            Sheet people = wb.createSheet(msg.xlsx_people());
            row(people, 0, msg.xlsx_name(), msg.xlsx_employee_no(), msg.xlsx_unit(), msg.xlsx_courses_done(),
                    msg.xlsx_courses_required(), msg.xlsx_hours_of_year(p.year), msg.xlsx_hours_target(),
                    msg.xlsx_hours_met());
            r = 1;
            for (PersonProgress x : people(planId, null)) {
                row(people, r++, x.name(), x.employeeNo(), x.unit(), x.coursesDone(), x.coursesRequired(),
                        x.hours().doubleValue(), p.requiredHours.doubleValue(), x.belowHours() ? msg.xlsx_hours_met_no() : msg.xlsx_hours_met_yes());
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet s, int r, Object... cells) {
        Row row = s.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(cells[i]));
            }
        }
    }

    // ---- offline training --------------------------------------------------------------

    /** Records offline training (e.g. 8 学时 for a classroom day) with its evidence file. */
    @Transactional(Transactional.TxType.NEVER)
    public HoursEntry recordOffline(long personId, BigDecimal hours, LocalDate date, String description,
            Path evidence, String evidenceName, String evidenceType) throws IOException {
        PeopleDirectory.PersonSummary p = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> directory.find(personId).filter(peopleScope::canManage).orElse(null));
        if (p == null) {
            throw new NotFoundException("hours.person_not_found", personId);
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(80)) > 0) {
            throw InvalidException.field("hours", "hours.range");
        }
        if (hours.stripTrailingZeros().scale() > 1) {
            throw InvalidException.field("hours", "hours.one_decimal");
        }
        if (date != null && (date.getYear() < 2000 || date.isAfter(Now.today()))) {
            throw InvalidException.field("date", "hours.date_range");
        }
        if (description == null || description.isBlank() || date == null) {
            throw InvalidException.field("description", "hours.description_required");
        }
        if (evidence == null) {
            throw InvalidException.field("evidence", "hours.evidence_required");
        }
        MediaRef m = media.store(evidence, evidenceName, evidenceType, user.getUsername(),
                cn.zhifa.academy.storage.MediaOwner.EVIDENCE, personId);
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            HoursEntry h = new HoursEntry();
            h.personId = personId;
            h.year = date.getYear();
            h.hours = hours;
            h.source = HoursEntry.Source.OFFLINE;
            h.description = CurriculumText.records().record_offline_hours(description.trim(), date);
            h.evidenceMediaId = m.id();
            h.recordedBy = user.getUsername();
            h.persist();
            audit.record("hours.offline_recorded", "person", personId,
                    AuditLog.detail("hours", hours, "date", date.toString(), "description", description, "evidence", m.id()));
            return h;
        });
    }

    private static String join(List<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Map<String, Object> summary(TrainingPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", p.year);
        m.put("title", p.title);
        m.put("owningUnitId", p.owningUnitId);
        m.put("categories", p.categories);
        m.put("grades", p.grades);
        m.put("levels", p.levels);
        m.put("domainIds", p.domainIds);
        m.put("requiredHours", p.requiredHours);
        m.put("dueDate", String.valueOf(p.dueDate));
        return m;
    }

}
