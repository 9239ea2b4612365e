package cn.zhifa.academy.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhifa.academy.curriculum.Course;
import cn.zhifa.academy.curriculum.CourseVersion;
import cn.zhifa.academy.curriculum.Enrollment;
import cn.zhifa.academy.exam.Exam;
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
        if (q.renewalCourses() != null) {
            for (String raw : q.renewalCourses().split("[,，、\\s]+")) {
                String code = raw.trim();
                if (code.isEmpty()) {
                    continue;
                }
                Optional<Course> c = Course.byCode(code);
                String title = c.filter(x -> x.publishedVersionId != null)
                        .map(x -> CourseVersion.<CourseVersion> findById(x.publishedVersionId).title).orElse(code);
                boolean done = c.flatMap(x -> Enrollment.of(q.personId(), x.id)).map(e -> e.completedAt != null)
                        .orElse(false);
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
        Optional<Exam> e = Exam.<Exam> find("code = ?1 AND status = ?2 ORDER BY opensAt DESC", code, Exam.Status.PUBLISHED)
                .firstResultOptional();
        return e.map(x -> new Step("EXAM", code, x.title, "/exams/" + x.id, false, false))
                .orElseGet(() -> new Step("EXAM", code, code, null, false, true));
    }

    /** Whether the window lacks a renewal exam to take (a problem for the administrator). */
    public static boolean renewalExamMissing(QualificationQueries.View q) {
        return renewalSteps(q).stream().anyMatch(s -> s.exam() && s.missing());
    }
}
