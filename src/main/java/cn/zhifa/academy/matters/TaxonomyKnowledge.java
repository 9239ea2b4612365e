package cn.zhifa.academy.matters;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.knowledge.KnowledgePoints;

/** {@link MatterKnowledge} backed by the knowledge-point taxonomy (courses/knowledge-points.yaml) and its tags. */
@ApplicationScoped
public class TaxonomyKnowledge implements MatterKnowledge {

    @Inject
    KnowledgePoints points;

    @Override
    public Optional<Boolean> exists(String code) {
        return Optional.of(points.exists(code));
    }

    @Override
    public List<Long> courseIds(String code) {
        return points.courseIdsFor(code);
    }

    @Override
    public List<Long> caseIds(String code) {
        return points.caseIdsFor(code);
    }

    @Override
    public List<Long> questionIds(String code) {
        return points.questionIdsFor(code);
    }

    @Override
    public Map<String, List<Course>> publishedCourses(Collection<String> codes) {
        Map<String, List<Course>> out = new HashMap<>();
        points.publishedCoursesFor(codes).forEach((code, courses) -> out.put(code, courses.stream()
                .map(c -> new Course(c.id(), c.code(), c.title(), c.versionId())).toList()));
        return out;
    }
}
