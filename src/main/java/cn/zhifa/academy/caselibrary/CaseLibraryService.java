package cn.zhifa.academy.caselibrary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.content.Markdown;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;

/**
 * Reading the case library (案例库): published cases for everyone signed in, every version for
 * authors and reviewers (培训师、管理员、系统管理员), related cases, and where other features use a
 * case. Other features embed a case through {@link #findPublished}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseLibraryService {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    MediaService mediaService;

    private static final Logger LOG = Logger.getLogger(CaseLibraryService.class);

    @Inject
    CurrentUser user;

    @Inject
    CaseSearchService search;

    @Inject
    CasesConfig config;

    @Inject
    Instance<CaseUsage> usages;

    /** Whether the current user writes and reviews cases. */
    public boolean canAuthor() {
        return user.hasRole(Roles.TRAINER) || user.hasRole(Roles.ADMIN) || user.hasRole(Roles.SYSADMIN);
    }

    /**
     * The published version of a case, with its sections as sanitised HTML, for pages and for
     * other features (a case lesson embeds it, a question names its source case). Empty when the
     * code is unknown or the case is not published (draft only, withdrawn).
     */
    public Optional<CaseView> findPublished(String code) {
        return TypicalCase.byCode(code)
                .flatMap(c -> CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED).map(v -> view(c, v)));
    }

    /** One version, if the current user may read it: published and superseded ones for everyone. */
    public Optional<CaseView> version(String code, int versionNo) {
        return TypicalCase.byCode(code).flatMap(c -> CaseVersion.number(c.id, versionNo)
                .filter(v -> v.status.isPublic() || canAuthor()).map(v -> view(c, v)));
    }

    /** The version being worked on (draft, in review or approved), for authors and reviewers. */
    public Optional<CaseView> open(String code) {
        if (!canAuthor()) {
            return Optional.empty();
        }
        return TypicalCase.byCode(code).flatMap(c -> CaseVersion.open(c.id).map(v -> view(c, v)));
    }

    /** The newest version the current user may read. */
    public Optional<CaseView> latestVisible(String code) {
        return TypicalCase.byCode(code).flatMap(c -> CaseVersion.ofCase(c.id).stream()
                .filter(v -> v.status.isPublic() || canAuthor()).findFirst().map(v -> view(c, v)));
    }

    /** The version history the current user may see, newest first. */
    public List<CaseView.VersionSummary> versions(String code) {
        return TypicalCase.byCode(code).map(c -> CaseVersion.ofCase(c.id).stream()
                .filter(v -> v.status.isPublic() || canAuthor())
                .map(v -> new CaseView.VersionSummary(v.versionNo, v.status, v.title, v.author, v.reviewer,
                        v.publishedAt, v.updatedAt))
                .toList()).orElse(List.of());
    }

    /** Published cases that share this case's matter or a cited article. */
    public List<CaseView.RelatedCase> related(String code) {
        return TypicalCase.byCode(code)
                .flatMap(c -> CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED)
                        .map(v -> search.related(c.id, v, config.relatedLimit())))
                .orElse(List.of());
    }

    /** Whether any feature reports case usage at all (else the page does not mention it). */
    public boolean usageReported() {
        return !usages.isUnsatisfied();
    }

    /** Where other features use the case, from every {@link CaseUsage} implementation. */
    public List<CaseUsageRef> usesOf(String code) {
        List<CaseUsageRef> out = new ArrayList<>();
        for (CaseUsage u : usages) {
            try {
                out.addAll(u.usesOf(code));
            } catch (RuntimeException e) {
                // one broken feature must not take the case page down with it
                LOG.warnf(e, "case usage provider %s failed for %s", u.getClass().getName(), code);
            }
        }
        return out;
    }

    /** Versions in the given statuses (optionally only one author's), most recently changed first. */
    public List<CaseView.WorkItem> work(Collection<CaseStatus> statuses, String author, int limit) {
        List<CaseVersion> versions = author == null
                ? CaseVersion.find("status IN ?1 ORDER BY updatedAt DESC", statuses).page(0, limit).list()
                : CaseVersion.find("status IN ?1 AND author = ?2 ORDER BY updatedAt DESC", statuses, author).page(0, limit)
                        .list();
        Map<Long, String> codes = CaseSearchService.codes(versions.stream().map(v -> v.caseId).distinct().toList());
        Map<Long, String> domains = CaseSearchService.domainNames();
        return versions.stream().map(v -> new CaseView.WorkItem(codes.get(v.caseId), v.versionNo, v.status, v.title,
                domains.get(v.domainId), v.author, v.reviewer, v.reviewComment, v.submittedAt, v.updatedAt)).toList();
    }

    /** Names of the enforcement domains in their display order (valid values of {@code domain}). */
    public Set<String> domainNames() {
        return new LinkedHashSet<>(CaseSearchService.domainNames().values());
    }

    /** A case as a case-library/ file, for authors who keep a platform case in the repository. */
    public Optional<String> markdown(String code, int versionNo) {
        return TypicalCase.byCode(code).flatMap(c -> CaseVersion.number(c.id, versionNo)
                .filter(v -> v.status.isPublic() || canAuthor())
                .map(v -> v.content(c.code, CaseSearchService.domainNames().get(v.domainId)).toMarkdown()));
    }

    CaseView view(TypicalCase c, CaseVersion v) {
        String domain = orgDirectory.domainById(v.domainId).map(OrgDirectory.Domain::name).orElse("");
        List<CaseView.LegalBasisView> basis = v.legalBasis.stream().map(b -> {
            Optional<Laws.Law> law = Laws.find(b.law);
            String full = law.map(Laws.Law::fullName).orElse(b.law);
            return new CaseView.LegalBasisView(b.law, full, b.article, ChineseNumerals.article(b.article), b.note,
                    Citations.TITLE_OPEN + full + Citations.TITLE_CLOSE + ChineseNumerals.article(b.article));
        }).toList();
        List<CaseView.SectionView> sections = new ArrayList<>();
        for (CaseSection s : CaseSection.values()) {
            String md = v.section(s);
            sections.add(new CaseView.SectionView(s.key(), s.heading, md, Markdown.toSafeHtml(md)));
        }
        Map<Long, MediaRef> media = mediaService.find(v.attachments.stream().map(a -> a.mediaId).toList());
        List<CaseView.AttachmentView> attachments = v.attachments.stream().filter(a -> media.containsKey(a.mediaId))
                .map(a -> {
                    MediaRef m = media.get(a.mediaId);
                    return new CaseView.AttachmentView(m.publicId().toString(), a.title, m.filename(), m.contentType(),
                            m.sizeBytes(), m.contentPath());
                }).toList();
        int published = v.status == CaseStatus.PUBLISHED ? v.versionNo
                : CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED).map(p -> p.versionNo).orElse(0);
        return new CaseView(c.code, v.versionNo, v.status, v.title, List.copyOf(v.keywords), v.domainId, domain, v.matter,
                v.caseType, v.caseType.label, v.orgLevel, OrgLevels.label(v.orgLevel), basis, List.copyOf(v.tags),
                v.source, v.caseDate, sections, attachments, c.origin, v.author, v.reviewer, v.reviewComment,
                v.submittedAt, v.publishedAt, v.publishedBy, v.withdrawnAt, v.withdrawReason, published, v.contentHash);
    }
}
