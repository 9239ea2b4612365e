package cn.zhifa.academy.exam;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Exams as other features read them (qualification's renewal exam), as values: other features
 * call this instead of reading {@link Exam} themselves (PackageGraphTest: no other feature's entity).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExamDirectory {

    /** One exam: what a link to it needs. */
    public record ExamSummary(long id, String code, String title) {
    }

    public boolean exists(String code) {
        return Exam.count("code", code) > 0;
    }

    /** The latest-opening published exam with this code. */
    public Optional<ExamSummary> published(String code) {
        return Exam.<Exam> find("code = ?1 AND status = ?2 ORDER BY opensAt DESC", code, Exam.Status.PUBLISHED)
                .firstResultOptional().map(e -> new ExamSummary(e.id, e.code, e.title));
    }
}
