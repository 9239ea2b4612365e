package cn.zhifa.academy.matters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.curriculum.LearningService;
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
        // the person, town, matters and courses in one or two statements (MatterMaterials.townMatters);
        // the learner's progress comes from the enrolments 我的学习 read
        MatterMaterials.TownMatters town = materials.townMatters(personId).orElse(null);
        if (town == null) {
            return Optional.empty();
        }
        Map<Long, Long> versions = new LinkedHashMap<>();
        town.matters().forEach(m -> m.courses().forEach(c -> versions.put(c.id(), c.versionId())));
        Map<Long, LearningService.CourseProgress> progress = learning.progress(versions);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, List<String>> served = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (MatterMaterials.MatterCourses m : town.matters()) {
            List<MatterKnowledge.Course> courses = m.courses().stream()
                    .sorted(java.util.Comparator.comparing(MatterKnowledge.Course::code)).toList();
            if (courses.isEmpty()) {
                without.add(m.name());
            }
            for (MatterKnowledge.Course c : courses) {
                titles.put(c.code(), c.title());
                ids.put(c.code(), c.id());
                served.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(m.name());
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
        return Optional.of(new Path(town.townName(), steps, without));
    }
}
