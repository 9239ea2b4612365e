package cn.zhifa.academy.review;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.ForbiddenException;

/**
 * Who may do what in a review (one place, used by every service of the package):
 * <ul>
 * <li>the campaign's <b>manager</b>: a system administrator, or an administrator whose scope
 * holds the owning unit — creates, samples, decides contests, finishes, issues and decides
 * recommendations;</li>
 * <li>the <b>unit side</b>: an administrator whose scope holds the unit under review and who does
 * not manage the campaign — sees its own files and findings, contests, answers recommendations;</li>
 * <li>a <b>reviewer</b>: the person a sampled file is assigned to — scores it.</li>
 * </ul>
 * Anything else is answered 404, as if it did not exist.
 */
@RequestScoped
public class ReviewAccess {

    @Inject
    CurrentUser user;

    @Inject
    OrgScope scope;

    public boolean manages(ReviewCampaign c) {
        return user.isSysadmin() || user.isAdmin() && scope.canActOnUnit(c.owningUnitId);
    }

    /** The unit side of a unit under review in this campaign. */
    public boolean unitSide(ReviewCampaign c, long unitId) {
        return user.isAdmin() && !manages(c) && scope.canActOnUnit(unitId);
    }

    public boolean isReviewer(ReviewCampaign c) {
        Long person = user.getPersonId();
        return person != null && ((Number) ReviewCampaign.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM review_reviewer WHERE campaign_id = ?1 AND person_id = ?2")
                .setParameter(1, c.id).setParameter(2, person).getSingleResult()).longValue() > 0;
    }

    public boolean seesCampaign(ReviewCampaign c) {
        if (manages(c) || isReviewer(c)) {
            return true;
        }
        if (!user.isAdmin()) {
            return false;
        }
        return unitsOf(c).stream().anyMatch(scope::canActOnUnit);
    }

    public boolean seesFile(ReviewCampaign c, ReviewCaseFile f) {
        return manages(c) || user.isAdmin() && scope.canActOnUnit(f.unitId) || isReviewerOf(f);
    }

    public boolean isReviewerOf(ReviewCaseFile f) {
        Long person = user.getPersonId();
        return person != null && person.equals(f.reviewerPersonId);
    }

    @SuppressWarnings("unchecked")
    public static List<Long> unitsOf(ReviewCampaign c) {
        return ((List<Number>) ReviewCampaign.getEntityManager()
                .createNativeQuery("SELECT unit_id FROM review_campaign_unit WHERE campaign_id = ?1 ORDER BY unit_id")
                .setParameter(1, c.id).getResultList()).stream().map(Number::longValue).toList();
    }

    public ReviewCampaign campaign(long id) {
        return ReviewCampaign.<ReviewCampaign> findByIdOptional(id).filter(this::seesCampaign)
                .orElseThrow(ReviewAccess::notFound);
    }

    public ReviewCampaign managed(long id) {
        ReviewCampaign c = campaign(id);
        if (!manages(c)) {
            throw new ForbiddenException("review.not_manager");
        }
        return c;
    }

    public ReviewCaseFile file(long id) {
        ReviewCaseFile f = ReviewCaseFile.findById(id);
        if (f == null) {
            throw notFound();
        }
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        if (!seesFile(c, f)) {
            throw notFound();
        }
        return f;
    }

    public String actor() {
        return user.getUsername() == null ? "system" : user.getUsername();
    }

    public static NotFoundException notFound() {
        return new NotFoundException("review.not_found");
    }
}
