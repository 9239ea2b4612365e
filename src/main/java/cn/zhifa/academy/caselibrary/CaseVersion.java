package cn.zhifa.academy.caselibrary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.platform.BaseEntity;

/**
 * One version of a typical case (案例版本) with all its content and its place in the review
 * workflow. A published version is never edited again; revising creates the next version.
 */
@Entity
@Table(name = "case_version")
public class CaseVersion extends BaseEntity {

    @NotNull
    @Column(name = "case_id", updatable = false)
    public Long caseId;

    @Column(name = "version_no", updatable = false)
    public int versionNo;

    @NotNull
    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @NotBlank
    @Size(max = 200)
    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords = new ArrayList<>();

    @NotNull
    @Column(name = "domain_id")
    public Long domainId;

    /** 执法事项 */
    @NotBlank
    @Size(max = 200)
    public String matter;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "case_type")
    public CaseType caseType;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "org_level")
    public OrgLevel orgLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    /** 来源与发布单位 */
    @NotBlank
    public String source;

    @NotNull
    @Column(name = "case_date")
    public LocalDate caseDate;

    public String facts;
    public String investigation;
    public String handling;
    public String discretion;
    @Column(name = "procedure_points")
    public String procedure;
    public String significance;
    public String mistakes;

    @ElementCollection
    @CollectionTable(name = "case_legal_basis", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "seq")
    public List<LegalBasisEntry> legalBasis = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_attachment", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "seq")
    public List<Attachment> attachments = new ArrayList<>();

    @NotBlank
    @Column(name = "content_hash")
    public String contentHash;

    /** Username of whoever wrote this version (or imported it). */
    @NotBlank
    @Column(updatable = false)
    public String author;

    public String reviewer;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    /** For imported versions: the file inside the case folder. */
    @Column(name = "source_file")
    public String sourceFile;

    /** 法律依据 entry. */
    @Embeddable
    public static class LegalBasisEntry {
        public String law;
        public int article;
        public String note;

        public LegalBasisEntry() {
        }

        LegalBasisEntry(String law, int article, String note) {
            this.law = law;
            this.article = article;
            this.note = note;
        }
    }

    /** A document kept in the object store. */
    @Embeddable
    public static class Attachment {
        @Column(name = "media_id")
        public Long mediaId;
        public String title;

        public Attachment() {
        }

        Attachment(Long mediaId, String title) {
            this.mediaId = mediaId;
            this.title = title;
        }
    }

    public static List<CaseVersion> ofCase(long caseId) {
        return list("caseId = ?1 ORDER BY versionNo DESC", caseId);
    }

    public static Optional<CaseVersion> withStatus(long caseId, CaseStatus status) {
        return find("caseId = ?1 AND status = ?2", caseId, status).firstResultOptional();
    }

    public static Optional<CaseVersion> open(long caseId) {
        return find("caseId = ?1 AND status IN ?2", caseId, CaseStatus.OPEN).firstResultOptional();
    }

    public static Optional<CaseVersion> latest(long caseId) {
        return find("caseId = ?1 ORDER BY versionNo DESC", caseId).firstResultOptional();
    }

    public static Optional<CaseVersion> number(long caseId, int versionNo) {
        return find("caseId = ?1 AND versionNo = ?2", caseId, versionNo).firstResultOptional();
    }

    /** Copies validated content into this version (and its hash). */
    void apply(CaseContent c, long domainId) {
        title = c.title();
        keywords = new ArrayList<>(c.keywords());
        this.domainId = domainId;
        matter = c.matter();
        caseType = c.caseType();
        orgLevel = c.orgLevel();
        tags = new ArrayList<>(c.tags());
        source = c.source();
        caseDate = c.date();
        facts = c.section(CaseSection.FACTS);
        investigation = c.section(CaseSection.INVESTIGATION);
        handling = c.section(CaseSection.HANDLING);
        discretion = c.section(CaseSection.DISCRETION);
        procedure = c.section(CaseSection.PROCEDURE);
        significance = c.section(CaseSection.SIGNIFICANCE);
        mistakes = c.section(CaseSection.MISTAKES);
        legalBasis.clear();
        for (CaseContent.LegalBasis b : c.legalBasis()) {
            legalBasis.add(new LegalBasisEntry(b.law(), b.article(), b.note()));
        }
        contentHash = c.hash();
    }

    public String section(CaseSection s) {
        return switch (s) {
            case FACTS -> facts;
            case INVESTIGATION -> investigation;
            case HANDLING -> handling;
            case DISCRETION -> discretion;
            case PROCEDURE -> procedure;
            case SIGNIFICANCE -> significance;
            case MISTAKES -> mistakes;
        };
    }

    /** The content again, as validated content (for export, hashing and revisions). */
    CaseContent content(String code, String domainName) {
        Map<CaseSection, String> sections = new EnumMap<>(CaseSection.class);
        for (CaseSection s : CaseSection.values()) {
            sections.put(s, section(s));
        }
        return new CaseContent(code, title, keywords, domainName, matter, caseType, orgLevel,
                legalBasis.stream().map(b -> new CaseContent.LegalBasis(b.law, b.article, b.note)).toList(), tags,
                source, caseDate, sections);
    }
}
