package cn.zhifa.academy.matters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * A matter of the delegated-enforcement catalogue (赋权事项): what a town (乡镇、街道) may now
 * enforce itself, in which domain, on which legal basis, and which towns received it. Its
 * training material is linked by code: courses, typical cases and questions named directly,
 * and knowledge points that resolve to more of each.
 */
@Entity
@Table(name = "delegated_matter")
public class DelegatedMatter extends BaseEntity {

    public String code;

    public String name;

    @Column(name = "domain_id")
    public Long domainId;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "high_frequency")
    public boolean highFrequency;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "knowledge_points")
    public String knowledgePoints = "";

    @Column(name = "course_codes")
    public String courseCodes = "";

    @Column(name = "case_codes")
    public String caseCodes = "";

    @Column(name = "question_codes")
    public String questionCodes = "";

    @Column(name = "created_by")
    public String createdBy;

    /** The towns that received the matter. */
    @ElementCollection
    @CollectionTable(name = "delegated_matter_town", joinColumns = @JoinColumn(name = "matter_id"))
    @Column(name = "unit_id")
    public Set<Long> townIds = new LinkedHashSet<>();

    public static Optional<DelegatedMatter> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<DelegatedMatter> ordered() {
        return list("ORDER BY code");
    }

    /** A comma-separated code column as a list (empty entries dropped). */
    public static List<String> split(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().forEach(out::add);
        return out;
    }

    public static String join(List<String> codes) {
        return String.join(",", codes);
    }

    public List<String> knowledgePointList() {
        return split(knowledgePoints);
    }

    public List<String> courseCodeList() {
        return split(courseCodes);
    }

    public List<String> caseCodeList() {
        return split(caseCodes);
    }

    public List<String> questionCodeList() {
        return split(questionCodes);
    }
}
