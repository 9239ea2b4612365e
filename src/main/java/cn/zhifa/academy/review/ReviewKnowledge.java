package cn.zhifa.academy.review;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.knowledge.KnowledgePoint;
import cn.zhifa.academy.knowledge.KnowledgePoints;

/**
 * The review's view of the knowledge-point taxonomy (issue 14 item 1): whether a code exists,
 * its name, and the courses and questions tagged with it. The one place the review asks.
 */
@ApplicationScoped
public class ReviewKnowledge {

    @Inject
    KnowledgePoints points;

    public boolean exists(String code) {
        return points.exists(code);
    }

    /** Every knowledge point, in the taxonomy's order (the standard form's choices). */
    public List<KnowledgePoint> all() {
        return points.all();
    }

    public Optional<String> name(String code) {
        return points.find(code).map(KnowledgePoint::name);
    }

    /** Courses with a lesson tagged with the code. */
    public List<Long> courseIdsFor(String code) {
        return points.courseIdsFor(code);
    }

    /** Questions tagged with the code. */
    public List<Long> questionIdsFor(String code) {
        return points.questionIdsFor(code);
    }
}
