package cn.zhifa.academy.caselibrary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhifa.academy.organization.OrgLevel;

/**
 * A case version as pages, the API and other features see it: every field, the legal basis with
 * Chinese article numbers, and the sections both as Markdown and as sanitised HTML (safe to embed
 * in any page, see {@link cn.zhifa.academy.content.Markdown#toSafeHtml}).
 *
 * @param publishedVersionNo the version currently published (0 when none), so that an older
 *        version's page can point to it
 */
public record CaseView(String code, int versionNo, CaseStatus status, String title, List<String> keywords,
        long domainId, String domain, String matter, CaseType caseType, String caseTypeLabel, OrgLevel orgLevel,
        String orgLevelLabel, List<LegalBasisView> legalBasis, List<String> tags, String source, LocalDate date,
        List<SectionView> sections, List<AttachmentView> attachments, CaseOrigin origin, String author,
        String reviewer, String reviewComment, Instant submittedAt, Instant publishedAt, String publishedBy,
        Instant withdrawnAt, String withdrawReason, int publishedVersionNo, String contentHash) {

    /**
     * @param articleLabel 第三十三条
     * @param citation 《中华人民共和国行政处罚法》第三十三条
     */
    public record LegalBasisView(String law, String lawFullName, int article, String articleLabel, String note,
            String citation) {
    }

    /** One narrative section: key (facts …), Chinese heading, Markdown source, sanitised HTML. */
    public record SectionView(String key, String heading, String markdown, String html) {
    }

    /** A document in the object store ({@code mediaId} is its public id); {@code url} serves its bytes. */
    public record AttachmentView(String mediaId, String title, String filename, String contentType, long size,
            String url) {
    }

    /** One line of a case's version history. */
    public record VersionSummary(int versionNo, CaseStatus status, String title, String author, String reviewer,
            Instant publishedAt, Instant updatedAt) {
    }

    /**
     * A related case (相关案例) and why: the same matter, and the citations both cases rest on.
     */
    public record RelatedCase(String code, String title, String domain, String caseTypeLabel, boolean sameMatter,
            List<String> sharedCitations) {
    }

    /** A version in the authoring and review lists. */
    public record WorkItem(String code, int versionNo, CaseStatus status, String title, String domain, String author,
            String reviewer, String reviewComment, Instant submittedAt, Instant updatedAt) {
    }

    public SectionView section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
