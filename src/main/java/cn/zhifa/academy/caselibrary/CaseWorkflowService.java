package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.UnprocessableException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;

/**
 * Writing and reviewing cases (案例编写与审核): 草稿 → 待审核 → 已审核 → 已发布 → 已撤回, with the
 * four-eyes rule (四眼原则: the reviewer is never the author of the version), revision of a
 * published case into a new version, and every transition in the audit log. Who may call it at
 * all (trainers, administrators, system administrators) is checked by the resources.
 */
@ApplicationScoped
@Transactional
public class CaseWorkflowService {

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    CaseSearchService search;

    @Inject
    CaseLibraryService library;

    @Inject
    MediaService media;

    /** Validates an author's input against the case rules; 422 with every problem. */
    public CaseContent validate(CaseInput in) {
        CaseRules.Result r = CaseRules.check(in, library.domainNames());
        if (!r.ok()) {
            throw invalid(r.issues());
        }
        return r.content();
    }

    static UnprocessableException invalid(List<CaseRules.Issue> issues) {
        return UnprocessableException.listing(issues.stream()
                .map(CaseRules.Issue::fieldError).toList(), "case.issues", issues.size())
                .titled("Invalid case");
    }

    /** A new case as version 1, a draft by the current user. */
    public CaseView create(CaseInput in) {
        CaseContent content = validate(in);
        if (TypicalCase.byCode(content.code()).isPresent()) {
            throw ConflictException.on("code", "case.code_taken", content.code());
        }
        TypicalCase c = new TypicalCase();
        c.code = content.code();
        c.origin = CaseOrigin.AUTHORED;
        c.createdBy = user.getUsername();
        c.persist();
        CaseVersion v = newVersion(c, 1, content, user.getUsername());
        v.status = CaseStatus.DRAFT;
        v.persist();
        audit.record("case.created", "typical_case", c.code,
                AuditLog.detail("version", 1, "title", v.title, "contentHash", v.contentHash));
        return library.view(c, v);
    }

    /** Changes the draft; only its author may, and only while it is a draft. */
    public CaseView updateDraft(String code, CaseInput in) {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.DRAFT, "case.action.edit");
        requireAuthor(v, "case.author_only.edit");
        if (in.code() != null && !in.code().isBlank() && !in.code().strip().equals(c.code)) {
            throw InvalidException.field("code", "case.code_fixed");
        }
        CaseContent content = validate(withCode(in, c.code));
        String before = v.contentHash;
        v.apply(content, domainId(content.domain()));
        audit.record("case.draft_updated", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "before", before, "after", v.contentHash));
        return library.view(c, v);
    }

    /** 提交审核: the author hands the draft to a reviewer. */
    public CaseView submit(String code) {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.DRAFT, "case.action.submit");
        requireAuthor(v, "case.author_only.submit");
        v.status = CaseStatus.IN_REVIEW;
        v.submittedAt = Now.instant();
        v.reviewer = null;
        v.reviewedAt = null;
        audit.record("case.submitted", "typical_case", c.code, AuditLog.detail("version", v.versionNo));
        return library.view(c, v);
    }

    /** 审核通过: someone other than the author approves; publishing is a separate step. */
    public CaseView approve(String code, String comment) {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.IN_REVIEW, "case.action.approve");
        requireNotAuthor(v);
        v.status = CaseStatus.APPROVED;
        v.reviewer = user.getUsername();
        v.reviewedAt = Now.instant();
        v.reviewComment = blankToNull(comment);
        audit.record("case.approved", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "author", v.author, "comment", v.reviewComment));
        return library.view(c, v);
    }

    /** 退回修改: the reviewer (not the author) returns the version to its author with a reason. */
    public CaseView sendBack(String code, String comment) {
        String reason = blankToNull(comment);
        if (reason == null) {
            throw InvalidException.field("comment", "case.send_back_comment_required");
        }
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.IN_REVIEW, "case.action.send_back");
        requireNotAuthor(v);
        v.status = CaseStatus.DRAFT;
        v.reviewer = user.getUsername();
        v.reviewedAt = Now.instant();
        v.reviewComment = truncate(reason, 1000);
        audit.record("case.sent_back", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "author", v.author, "comment", v.reviewComment));
        return library.view(c, v);
    }

    /** 发布: an approved version becomes the published one and enters the search index. */
    public CaseView publish(String code) {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.APPROVED, "case.action.publish");
        Integer superseded = publish(c, v, user.getUsername());
        audit.record("case.published", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "superseded", superseded, "reviewer", v.reviewer));
        return library.view(c, v);
    }

    /** Makes v the published version of c; returns the version number it superseded, if any. */
    Integer publish(TypicalCase c, CaseVersion v, String by) {
        Integer superseded = null;
        var previous = CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED);
        if (previous.isPresent()) {
            previous.get().status = CaseStatus.SUPERSEDED;
            superseded = previous.get().versionNo;
            CaseVersion.getEntityManager().flush(); // the one-published index must see the old row change first
        }
        v.status = CaseStatus.PUBLISHED;
        v.publishedAt = Now.instant();
        v.publishedBy = by;
        search.index(c, v, domainName(v.domainId));
        return superseded;
    }

    /** 撤回: the published version leaves the library and the search index; it stays on record. */
    public CaseView withdraw(String code, String reason) {
        String why = blankToNull(reason);
        if (why == null) {
            throw InvalidException.field("reason", "case.withdraw_reason_required");
        }
        TypicalCase c = lock(code);
        CaseVersion v = CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED).orElseThrow(
                () -> new ConflictException("case.nothing_published", code));
        v.status = CaseStatus.WITHDRAWN;
        v.withdrawnAt = Now.instant();
        v.withdrawnBy = user.getUsername();
        v.withdrawReason = truncate(why, 500);
        search.unindex(c.id);
        audit.record("case.withdrawn", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "reason", v.withdrawReason));
        return library.view(c, v);
    }

    /**
     * 修订: a new draft version from the published (or else the latest) version; the published one
     * stays published and readable until the revision is published.
     */
    public CaseView revise(String code) {
        TypicalCase c = lock(code);
        CaseVersion.open(c.id).ifPresent(o -> {
            throw new ConflictException("case.revision_open", code, o.versionNo, status(o.status));
        });
        CaseVersion base = CaseVersion.withStatus(c.id, CaseStatus.PUBLISHED)
                .orElseGet(() -> CaseVersion.latest(c.id).orElseThrow());
        int next = CaseVersion.latest(c.id).orElseThrow().versionNo + 1;
        CaseContent content = base.content(c.code, domainName(base.domainId));
        CaseVersion v = newVersion(c, next, content, user.getUsername());
        v.status = CaseStatus.DRAFT;
        for (CaseVersion.Attachment a : base.attachments) {
            v.attachments.add(new CaseVersion.Attachment(a.mediaId, a.title));
        }
        v.persist();
        audit.record("case.revised", "typical_case", c.code,
                AuditLog.detail("from", base.versionNo, "version", next));
        return library.view(c, v);
    }

    /** Stores a document in the object store and attaches it to the draft (author only). */
    public CaseView addAttachment(String code, Path file, String filename, String contentType, String title)
            throws IOException {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.DRAFT, "case.action.attach");
        requireAuthor(v, "case.author_only.attach");
        if (v.attachments.size() >= 20) {
            throw new ConflictException("case.attachments_max", 20);
        }
        MediaRef m = media.store(file, filename, contentType, user.getUsername(),
                cn.zhifa.academy.storage.MediaOwner.CASE_ATTACHMENT, c.id);
        String t = blankToNull(title);
        v.attachments.add(new CaseVersion.Attachment(m.id(), truncate(t == null ? filename : t, 200)));
        audit.record("case.attachment_added", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "mediaId", m.id(), "publicId", m.publicId().toString(),
                        "filename", filename));
        return library.view(c, v);
    }

    /** Detaches a document from the draft (the stored file stays: older versions may show it). */
    public CaseView removeAttachment(String code, String publicId) {
        TypicalCase c = lock(code);
        CaseVersion v = open(c, CaseStatus.DRAFT, "case.action.detach");
        requireAuthor(v, "case.author_only.detach");
        Optional<MediaRef> file = cn.zhifa.academy.storage.MediaAccess.parse(publicId).flatMap(media::byPublicId);
        Long mediaId = file.map(MediaRef::id).orElse(null);
        if (mediaId == null || !v.attachments.removeIf(a -> a.mediaId.equals(mediaId))) {
            throw new NotFoundException("case.attachment_not_found", publicId);
        }
        audit.record("case.attachment_removed", "typical_case", c.code,
                AuditLog.detail("version", v.versionNo, "mediaId", mediaId, "publicId", publicId));
        return library.view(c, v);
    }

    static CaseVersion newVersion(TypicalCase c, int versionNo, CaseContent content, String author) {
        CaseVersion v = new CaseVersion();
        v.caseId = c.id;
        v.versionNo = versionNo;
        v.author = author;
        v.apply(content, domainId(content.domain()));
        return v;
    }

    static long domainId(String name) {
        return io.quarkus.arc.Arc.container().instance(OrgDirectory.class).get().domainByName(name).orElseThrow(
                () -> new UnprocessableException("case.domain_unknown", name).titled("Invalid case")).id();
    }

    static String domainName(long id) {
        return io.quarkus.arc.Arc.container().instance(OrgDirectory.class).get().domainById(id).map(OrgDirectory.Domain::name).orElse("");
    }

    /** The case row, locked so that two transitions of one case never interleave. */
    private static TypicalCase lock(String code) {
        TypicalCase c = TypicalCase.byCode(code)
                .orElseThrow(() -> new NotFoundException("case.no_such_code", code));
        return TypicalCase.getEntityManager().find(TypicalCase.class, c.id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The version being written or reviewed, in the expected status, for the action (a message key). */
    private static CaseVersion open(TypicalCase c, CaseStatus expected, String action) {
        CaseVersion v = CaseVersion.open(c.id).orElseThrow(
                () -> new ConflictException("case.no_open_version", c.code, ErrorTexts.key(action)));
        if (v.status != expected) {
            throw new ConflictException("case.wrong_status", c.code, v.versionNo, status(v.status), ErrorTexts.key(action));
        }
        return v;
    }

    private static ErrorTexts.Key status(CaseStatus s) {
        return ErrorTexts.key("case.status." + s.name());
    }

    /** Only the author of the version may; {@code message} names what (a message key). */
    private void requireAuthor(CaseVersion v, String message) {
        if (!v.author.equals(user.getUsername())) {
            throw new ForbiddenException("case.author_only", ErrorTexts.key(message), v.author);
        }
    }

    /** 四眼原则: whoever wrote the version may not approve or return it. */
    private void requireNotAuthor(CaseVersion v) {
        if (v.author.equals(user.getUsername())) {
            throw new ForbiddenException("case.four_eyes");
        }
    }

    private static CaseInput withCode(CaseInput in, String code) {
        return new CaseInput(code, in.title(), in.keywords(), in.domain(), in.matter(), in.caseType(), in.orgLevel(),
                in.legalBasis(), in.tags(), in.source(), in.date(), in.sections());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String p : text.split(CaseFormat.listSplit())) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out;
    }
}
