package cn.zhifa.academy.matters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.curriculum.LearningService;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.security.CurrentUser;

/**
 * The "高频事项" learning path of 我的学习: for an officer of a town, the high-frequency matters
 * delegated to that town, each with its published courses and the learner's progress in them.
 * Templates reach it as {@code inject:matterPath}.
 */
@RequestScoped
@Named("matterPath")
public class MatterLearningPath {

    @Inject
    CurrentUser user;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    @Inject
    LearningService learning;

    @Inject
    MatterMaterials materials;

    /** A course of the path and the matters it serves. */
    public record CourseStep(String code, String title, int percent, boolean completed, List<String> matters) {
    }

    public record Path(String townName, List<CourseStep> courses, List<String> mattersWithoutCourses) {
        public int courseCount() {
            return courses.size();
        }

        public int completedCount() {
            return (int) courses.stream().filter(CourseStep::completed).count();
        }

        public int percent() {
            return courseCount() == 0 ? 0 : completedCount() * 100 / courseCount();
        }
    }

    private Optional<Path> cached;

    /** The current learner's path, empty when they are not a town's person or the town has no high-frequency matter. */
    @Transactional
    public Optional<Path> mine() {
        if (cached == null) {
            cached = compute();
        }
        return cached;
    }

    /** For templates: null instead of empty. */
    public Path getPath() {
        return mine().orElse(null);
    }

    private Optional<Path> compute() {
        Long personId = user.getPersonId();
        if (personId == null) {
            return Optional.empty();
        }
        OrgDirectory.Unit town = people.find(personId).flatMap(p -> org.unit(p.unitId())).orElse(null);
        if (town == null || town.level() != OrgLevel.TOWN) {
            return Optional.empty();
        }
        List<DelegatedMatter> matters = DelegatedMatter.getEntityManager().createQuery(
                "SELECT m FROM DelegatedMatter m JOIN m.townIds t WHERE t = :town AND m.highFrequency = true "
                        + "ORDER BY m.code", DelegatedMatter.class).setParameter("town", town.id()).getResultList();
        if (matters.isEmpty()) {
            return Optional.empty();
        }
        // one query for the courses the matters name, one per distinct knowledge point, one for
        // the published ones among them (issue 16: it was three to six per matter, and the whole
        // catalogue's progress); the learner's progress comes from the enrolments 我的学习 read
        Map<Long, Set<Long>> idsByMatter = materials.courseIdsOf(matters);
        Set<Long> all = new java.util.LinkedHashSet<>();
        idsByMatter.values().forEach(all::addAll);
        Map<Long, Object[]> published = new LinkedHashMap<>();
        for (Object[] c : materials.publishedCourses(all)) {
            published.put(((Number) c[0]).longValue(), c);
        }
        Map<Long, Long> versions = new LinkedHashMap<>();
        published.forEach((id, c) -> versions.put(id, ((Number) c[3]).longValue()));
        Map<Long, LearningService.CourseProgress> progress = learning.progress(versions);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, List<String>> served = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (DelegatedMatter m : matters) {
            List<Object[]> courses = idsByMatter.get(m.id).stream().map(published::get).filter(java.util.Objects::nonNull)
                    .sorted(java.util.Comparator.comparing((Object[] c) -> (String) c[1])).toList();
            if (courses.isEmpty()) {
                without.add(m.name);
            }
            for (Object[] c : courses) {
                titles.put((String) c[1], (String) c[2]);
                ids.put((String) c[1], ((Number) c[0]).longValue());
                served.computeIfAbsent((String) c[1], k -> new ArrayList<>()).add(m.name);
            }
        }
        List<CourseStep> steps = new ArrayList<>();
        for (var e : titles.entrySet()) {
            LearningService.CourseProgress s = progress.get(ids.get(e.getKey()));
            steps.add(new CourseStep(e.getKey(), e.getValue(), s == null ? 0 : s.percent(), s != null && s.completed(),
                    served.get(e.getKey())));
        }
        // unfinished courses first, then the ones serving most matters
        steps.sort(java.util.Comparator.comparing(CourseStep::completed)
                .thenComparing(c -> -c.matters().size()).thenComparing(CourseStep::code));
        return Optional.of(new Path(town.name(), steps, without));
    }
}
