package cn.zhifa.academy.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;

/** Who may read the review's stored files: whoever may see what they belong to. */
public final class ReviewMediaRules {

    private ReviewMediaRules() {
    }

    /** A case file's scans: the campaign's managers, the unit side, the file's reviewer. */
    @ApplicationScoped
    public static class CaseFileScans implements MediaOwnerRule {

        @Inject
        ReviewAccess access;

        @Override
        public MediaOwner kind() {
            return MediaOwner.REVIEW_CASE_FILE;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            ReviewCaseFile f = m.ownerId() == null ? null : ReviewCaseFile.findById(m.ownerId());
            return f != null && access.seesFile(ReviewCampaign.findById(f.campaignId), f);
        }
    }

    /** A recommendation's evidence: the issuing side and the unit side of the recommendation. */
    @ApplicationScoped
    public static class RecommendationEvidence implements MediaOwnerRule {

        @Inject
        RecommendationService recommendations;

        @Override
        public MediaOwner kind() {
            return MediaOwner.REVIEW_EVIDENCE;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            Recommendation r = m.ownerId() == null ? null : Recommendation.findById(m.ownerId());
            return r != null && recommendations.sees(r);
        }
    }
}
