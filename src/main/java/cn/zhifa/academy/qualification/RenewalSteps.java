package cn.zhifa.academy.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

import cn.zhifa.academy.curriculum.LearningDirectory;
import cn.zhifa.academy.exam.ExamDirectory;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * The renewal path of a qualification in its 换证 window as steps with names and links (issue 13):
 * each renewal course (title, link, done or not) and the renewal exam (the published exam with
 * that code, or a step marked missing when no such exam exists — an administrator must schedule it).
 * In templates: {@code q.renewalSteps}.
 */
@TemplateExtension
public class RenewalSteps {

    /** kind: COURSE or EXAM; href null when there is nothing to open (exam not scheduled). */
    public record Step(String kind, String code, String title, String href, boolean done, boolean missing) {
        public boolean exam() {
            return "EXAM".equals(kind);
        }
    }

    public static List<Step> renewalSteps(QualificationQueries.View q) {
        List<Step> out = new ArrayList<>();
        if (!q.renewalOpen()) {
            return out;
        }
        // a template extension is static: the directories come from the container
        LearningDirectory learning = Arc.container().instance(LearningDirectory.class).get();
        if (q.renewalCourses() != null) {
            for (String raw : q.renewalCourses().split(FormatWords.of("qualification").get("course_separators"))) {
                String code = raw.trim();
                if (code.isEmpty()) {
                    continue;
                }
                Optional<LearningDirectory.CourseSummary> c = learning.course(code);
                String title = c.map(LearningDirectory.CourseSummary::publishedTitle).orElse(null);
                title = title == null ? code : title;
                boolean done = c.map(x -> learning.completed(q.personId(), x.id())).orElse(false);
                out.add(new Step("COURSE", code, title, c.isPresent() ? "/learn/courses/" + code : null, done, c.isEmpty()));
            }
        }
        if (q.renewalExamCode() != null && !q.renewalExamCode().isBlank()) {
            out.add(renewalExam(q.renewalExamCode()));
        }
        return out;
    }

    /** The published exam with the renewal exam's code, or a missing step. */
    static Step renewalExam(String code) {
        Optional<ExamDirectory.ExamSummary> e = Arc.container().instance(ExamDirectory.class).get().published(code);
        return e.map(x -> new Step("EXAM", code, x.title(), "/exams/" + x.id(), false, false))
                .orElseGet(() -> new Step("EXAM", code, code, null, false, true));
    }

    /** Whether the window lacks a renewal exam to take (a problem for the administrator). */
    public static boolean renewalExamMissing(QualificationQueries.View q) {
        return renewalSteps(q).stream().anyMatch(s -> s.exam() && s.missing());
    }
}
