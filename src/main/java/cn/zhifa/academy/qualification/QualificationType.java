package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;
import cn.zhifa.academy.records.ExamPurpose;

/**
 * A kind of qualification (资格类型), e.g. 行政执法资格 (per domain), 法制审核资格,
 * 辅助人员上岗资格: who it applies to, what earns it (exams, hours, courses), how long it lasts
 * and how it is renewed. Seeded by migration, edited by system administrators.
 */
@Entity
@Table(name = "qualification_type")
public class QualificationType extends BaseEntity {

    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "number_prefix")
    public String numberPrefix;

    /** Comma-separated {@code PersonCategory} names. */
    public String categories;

    /** Comma-separated {@link ExamPurpose} names; every one must be passed. */
    @Column(name = "exam_purposes")
    public String examPurposes = "";

    /** One qualification per enforcement domain (the domain of the passed non-通用 exam). */
    @Column(name = "per_domain")
    public boolean perDomain;

    /** Fixed domain when not {@link #perDomain}. */
    @Column(name = "domain_code")
    public String domainCode;

    @Column(name = "required_hours")
    public BigDecimal requiredHours;

    @Column(name = "required_courses")
    public String requiredCourses = "";

    @Column(name = "validity_years")
    public Integer validityYears;

    @Column(name = "renewal_months")
    public Integer renewalMonths;

    @Column(name = "renewal_courses")
    public String renewalCourses = "";

    @Column(name = "renewal_exam_code")
    public String renewalExamCode;

    @Column(name = "issuing_body")
    public String issuingBody;

    public boolean active = true;

    public static Optional<QualificationType> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<QualificationType> ordered() {
        return list("ORDER BY id");
    }

    public List<String> categoryList() {
        return split(categories);
    }

    public List<ExamPurpose> purposeList() {
        return split(examPurposes).stream().map(ExamPurpose::valueOf).toList();
    }

    public List<String> requiredCourseList() {
        return split(requiredCourses);
    }

    public List<String> renewalCourseList() {
        return split(renewalCourses);
    }

    public int validity(QualificationConfig config) {
        return validityYears != null ? validityYears : config.validityYears();
    }

    public int renewalWindow(QualificationConfig config) {
        return renewalMonths != null ? renewalMonths : config.renewalWindowMonths();
    }

    public String localName(boolean english) {
        return english ? nameEn : name;
    }

    static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
