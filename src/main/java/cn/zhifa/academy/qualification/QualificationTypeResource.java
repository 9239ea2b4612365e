package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.records.ExamPurpose;

/** Qualification types (资格类型): read by administrators, changed by system administrators. */
@Path("/api/v1/qualification-types")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Qualifications")
public class QualificationTypeResource {

    @Inject
    QualificationConfig config;

    @Inject
    AuditLog audit;

    @Inject
    cn.zhifa.academy.curriculum.LearningDirectory learning;

    @Inject
    cn.zhifa.academy.exam.ExamDirectory examDirectory;

    public record TypeView(String code, String name, String nameEn, String numberPrefix, List<String> categories,
            List<String> examPurposes, boolean perDomain, String domainCode, BigDecimal requiredHours,
            List<String> requiredCourses, int validityYears, int renewalMonths, List<String> renewalCourses,
            String renewalExamCode, String issuingBody, boolean active) {
    }

    public record TypeInput(@NotBlank String name, @NotBlank String nameEn, @NotNull List<String> categories,
            @NotNull List<String> examPurposes, BigDecimal requiredHours, List<String> requiredCourses,
            @Min(1) @Max(20) Integer validityYears, @Min(1) @Max(24) Integer renewalMonths, List<String> renewalCourses,
            String renewalExamCode, @NotBlank String issuingBody, boolean active) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every qualification type with its rule, validity and renewal")
    public List<TypeView> list() {
        return QualificationType.ordered().stream().map(this::view).toList();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SYSADMIN)
    @Transactional
    @Operation(summary = "Change a type's rule, validity or renewal (system administrators; audited)")
    public TypeView update(@PathParam("code") String code, @Valid @NotNull TypeInput in) {
        QualificationType t = QualificationType.byCode(code)
                .orElseThrow(() -> new NotFoundException("qualification.type_not_found", code));
        TypeView before = view(t);
        for (String c : in.categories()) {
            if (Arrays.stream(PersonCategory.values()).noneMatch(x -> x.name().equals(c))) {
                throw InvalidException.field("categories", "qualification.category_unknown", c);
            }
        }
        if (in.categories().isEmpty()) {
            throw InvalidException.field("categories", "qualification.category_required");
        }
        for (String p : in.examPurposes()) {
            if (Arrays.stream(ExamPurpose.values()).noneMatch(x -> x.name().equals(p)) || "RESIT".equals(p)) {
                throw InvalidException.field("examPurposes", "qualification.purpose_unknown", p);
            }
        }
        if (in.requiredHours() != null && (in.requiredHours().signum() < 0 || in.requiredHours().intValue() > 500)) {
            throw InvalidException.field("requiredHours", "qualification.hours_range");
        }
        for (String c : concat(in.requiredCourses(), in.renewalCourses())) {
            if (!learning.courseExists(c.trim())) {
                throw InvalidException.field(in.requiredCourses() != null && in.requiredCourses().contains(c)
                        ? "requiredCourses" : "renewalCourses", "qualification.course_unknown", c);
            }
        }
        if (in.renewalExamCode() != null && !in.renewalExamCode().isBlank()
                && !examDirectory.exists(in.renewalExamCode().trim())) {
            throw InvalidException.field("renewalExamCode", "qualification.exam_unknown", in.renewalExamCode());
        }
        t.name = in.name().trim();
        t.nameEn = in.nameEn().trim();
        t.categories = String.join(",", in.categories());
        t.examPurposes = String.join(",", in.examPurposes());
        t.requiredHours = in.requiredHours();
        t.requiredCourses = in.requiredCourses() == null ? "" : String.join(",", in.requiredCourses());
        t.validityYears = in.validityYears();
        t.renewalMonths = in.renewalMonths();
        t.renewalCourses = in.renewalCourses() == null ? "" : String.join(",", in.renewalCourses());
        t.renewalExamCode = in.renewalExamCode() == null || in.renewalExamCode().isBlank() ? null : in.renewalExamCode().trim();
        t.issuingBody = in.issuingBody().trim();
        t.active = in.active();
        TypeView after = view(t);
        audit.record("qualification_type.updated", "qualification_type", t.id, AuditLog.detail("before", before, "after", after));
        return after;
    }

    TypeView view(QualificationType t) {
        return new TypeView(t.code, t.name, t.nameEn, t.numberPrefix, t.categoryList(),
                t.purposeList().stream().map(Enum::name).toList(), t.perDomain, t.domainCode, t.requiredHours,
                t.requiredCourseList(), t.validity(config), t.renewalWindow(config), t.renewalCourseList(),
                t.renewalExamCode, t.issuingBody, t.active);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>();
        if (a != null) {
            out.addAll(a);
        }
        if (b != null) {
            out.addAll(b);
        }
        return out;
    }
}
