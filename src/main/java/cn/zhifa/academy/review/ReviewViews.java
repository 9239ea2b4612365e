package cn.zhifa.academy.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the pages and the API show of a campaign, limited to what the caller may see. */
@ApplicationScoped
public class ReviewViews {

    @Inject
    ReviewAccess access;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory people;

    @Inject
    ScoringService scoring;

    @Inject
    CampaignService campaigns;

    @Inject
    RecommendationService recommendations;

    @Inject
    MediaService media;

    @Inject
    AuditLog audit;

    public record CampaignLine(long id, String name, ReviewCampaign.Kind kind, int year, String owningUnit,
            ReviewCampaign.Status status, long files, long sampled, long scored) {
    }

    public record FileLine(long id, String caseNo, String matter, String unit, String decisionType, LocalDate decisionDate,
            Integer sampleOrder, String reviewer, ReviewCaseFile.Status status, BigDecimal total, String band, long findings) {
    }

    /** A unit of a campaign; {@code town}: a 镇街 (its case files take their matter from the catalogue). */
    public record UnitOption(long id, String name, boolean town) {

        public String idText() {
            return String.valueOf(id);
        }
    }

    public record CampaignView(long id, String name, ReviewCampaign.Kind kind, int year, String owningUnit, LocalDate periodStart,
            LocalDate periodEnd, String standard, int sampleSize, Long sampleSeed, String sampledBy,
            ReviewCampaign.Status status, List<UnitOption> units, List<String> reviewers, List<FileLine> files,
            List<ScoringService.FindingView> findings, ScoringService.Results results,
            List<RecommendationService.View> recommendations, boolean manager) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignLine line(ReviewCampaign c) {
        List<ReviewCaseFile> files = visibleFiles(c);
        return new CampaignLine(c.id, c.name, c.kind, c.year, orgDirectory.unit(c.owningUnitId).orElseThrow().name(), c.status,
                files.size(), files.stream().filter(f -> f.sampleOrder != null).count(),
                files.stream().filter(f -> f.status == ReviewCaseFile.Status.SCORED).count());
    }

    List<ReviewCaseFile> visibleFiles(ReviewCampaign c) {
        return ReviewCaseFile.<ReviewCaseFile> list("campaignId = ?1 ORDER BY sampleOrder NULLS LAST, caseNo", c.id).stream()
                .filter(f -> access.seesFile(c, f)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView campaign(long id) {
        ReviewCampaign c = access.campaign(id);
        List<ReviewCaseFile> files = visibleFiles(c);
        ReviewStandard s = ReviewStandard.findById(c.standardId);
        List<FileLine> lines = new ArrayList<>();
        for (ReviewCaseFile f : files) {
            PersonSummary r = f.reviewerPersonId == null ? null : people.find(f.reviewerPersonId).orElse(null);
            lines.add(new FileLine(f.id, f.caseNo, f.matter, orgDirectory.unit(f.unitId).orElseThrow().name(), f.decisionType,
                    f.decisionDate, f.sampleOrder, r == null ? null : r.name(), f.status, f.total, f.band,
                    ReviewFinding.count("caseFileId", f.id)));
        }
        List<ReviewCaseFile> scored = files.stream().filter(f -> f.status == ReviewCaseFile.Status.SCORED).toList();
        boolean manager = access.manages(c);
        List<RecommendationService.View> recs = Recommendation.<Recommendation> list("campaignId = ?1 ORDER BY id", c.id)
                .stream().filter(recommendations::sees).map(recommendations::view).toList();
        return new CampaignView(c.id, c.name, c.kind, c.year, orgDirectory.unit(c.owningUnitId).orElseThrow().name(), c.periodStart,
                c.periodEnd, s.name + " v" + s.versionNo, c.sampleSize, manager ? c.sampleSeed : null, c.sampledBy, c.status,
                ReviewAccess.unitsOf(c).stream().map(u -> orgDirectory.unit(u).orElseThrow())
                        .map(u -> new UnitOption(u.id(), u.name(), u.level() == cn.zhifa.academy.organization.OrgLevel.TOWN)).toList(),
                CampaignService.reviewersOf(c.id).stream().map(p -> ScoringService.officerLabel(people.find(p).orElse(null))).toList(),
                lines, scoring.findings(c, scored), scoring.results(c, scored), recs, manager);
    }

    /** 404 unless the file exists in a campaign the caller manages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewCaseFile requireManagedFile(long id) {
        ReviewCaseFile f = access.file(id);
        if (!access.manages(ReviewCampaign.findById(f.campaignId))) {
            throw ReviewAccess.notFound();
        }
        return f;
    }

    /** Stores a scan as the case file's attachment (the store writes the record in its own transaction). */
    public MediaRef storeScan(long fileId, Path file, String filename, String type) throws IOException {
        MediaRef m = media.store(file, filename, type, access.actor(), MediaOwner.REVIEW_CASE_FILE, fileId);
        QuarkusTransaction.requiringNew().run(() -> audit.record("review.scan_attached", "review_case_file", fileId,
                AuditLog.detail("media", m.publicId().toString(), "filename", filename)));
        return m;
    }

    /** The unit's answer: evidence stored first, then the answer in one transaction. */
    public Recommendation answer(long id, String response, List<FileUpload> evidence) throws IOException {
        Recommendation r = QuarkusTransaction.requiringNew().call(() -> recommendations.require(id));
        ReviewCampaign c = QuarkusTransaction.requiringNew().call(() -> ReviewCampaign.findById(r.campaignId));
        boolean unitSide = QuarkusTransaction.requiringNew().call(() -> access.unitSide(c, r.unitId));
        if (!unitSide) {
            throw new ForbiddenException("review.not_unit_side");
        }
        List<MediaRef> stored = new ArrayList<>();
        for (FileUpload u : evidence == null ? List.<FileUpload> of() : evidence) {
            if (u != null && u.fileName() != null && !u.fileName().isBlank() && u.size() > 0) {
                stored.add(recommendations.storeEvidence(u.uploadedFile(), u.fileName(), u.contentType()));
            }
        }
        return recommendations.answer(id, response, stored);
    }
}
