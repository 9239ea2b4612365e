package cn.zhifa.academy.records;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import cn.zhifa.academy.platform.time.Now;

/**
 * Keeps {@link ExamRecord} in step with {@link ExamResultRecorded} and answers the questions
 * the record-keeping features ask about exams.
 */
@ApplicationScoped
public class ExamRecords {

    /** Upserts the person's row for the exam; runs in the firing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onResult(@Observes ExamResultRecorded e) {
        ExamRecord r = ExamRecord.<ExamRecord> find("personId = ?1 AND examId = ?2", e.personId(), e.examId())
                .firstResultOptional().orElseGet(ExamRecord::new);
        r.personId = e.personId();
        r.examId = e.examId();
        r.examCode = e.examCode();
        r.examTitle = e.examTitle();
        r.purpose = e.purpose();
        r.resit = e.resit();
        r.domainCode = e.domainCode();
        r.score = e.score();
        r.band = e.band();
        r.passed = e.passed();
        r.attemptsUsed = e.attemptsUsed();
        r.finishedAt = e.finishedAt();
        r.recordedAt = Now.instant();
        if (r.id == null) {
            r.persist();
        }
    }

    /** One person's kept result of one exam (考试档案), as a value for other features. */
    public record Kept(long personId, long examId, String examCode, String examTitle, ExamPurpose purpose,
            boolean resit, String domainCode, java.math.BigDecimal score, String band, boolean passed, int attemptsUsed,
            Instant finishedAt) {

        static Kept of(ExamRecord r) {
            return new Kept(r.personId, r.examId, r.examCode, r.examTitle, r.purpose, r.resit, r.domainCode, r.score,
                    r.band, r.passed, r.attemptsUsed, r.finishedAt);
        }
    }

    /** The person's kept result of the exam, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Kept> kept(long personId, long examId) {
        return ExamRecord.<ExamRecord> find("personId = ?1 AND examId = ?2", personId, examId).firstResultOptional()
                .map(Kept::of);
    }

    /** The domains (other than the general TY) of the person's passes with the purpose, finished in [from, to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> passedDomains(long personId, ExamPurpose purpose, Instant from, Instant to) {
        return ExamRecord.<ExamRecord> list("personId = ?1 AND purpose = ?2 AND passed = true AND domainCode <> 'TY' "
                + "AND finishedAt >= ?3 AND finishedAt < ?4", personId, purpose, from, to).stream()
                .map(r -> r.domainCode).toList();
    }

    /** The best pass of the exam with this code, finished in [from, to). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Kept> bestPassOf(long personId, String examCode, Instant from, Instant to) {
        return ExamRecord.<ExamRecord> find("personId = ?1 AND examCode = ?2 AND passed = true AND finishedAt >= ?3 "
                + "AND finishedAt < ?4 ORDER BY score DESC", personId, examCode, from, to).firstResultOptional()
                .map(Kept::of);
    }

    public List<ExamRecord> of(long personId) {
        return ExamRecord.ofPerson(personId);
    }

    /**
     * The best passed result with one of the purposes, in the domain (null = any domain),
     * finished in [from, to).
     */
    public Optional<Kept> bestPass(long personId, Collection<ExamPurpose> purposes, String domainCode,
            Instant from, Instant to) {
        return best(personId, purposes, domainCode, from, to, true);
    }

    /** The best result (passed or not) with one of the purposes, finished in [from, to). */
    public Optional<Kept> best(long personId, Collection<ExamPurpose> purposes, String domainCode,
            Instant from, Instant to) {
        return best(personId, purposes, domainCode, from, to, false);
    }

    private Optional<Kept> best(long personId, Collection<ExamPurpose> purposes, String domainCode,
            Instant from, Instant to, boolean passedOnly) {
        StringBuilder q = new StringBuilder(
                "personId = :p AND purpose IN :purposes AND finishedAt >= :from AND finishedAt < :to");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("p", personId)
                .and("purposes", purposes).and("from", from).and("to", to);
        if (domainCode != null) {
            q.append(" AND domainCode = :d");
            params = params.and("d", domainCode);
        }
        if (passedOnly) {
            q.append(" AND passed = true");
        }
        q.append(" ORDER BY score DESC, finishedAt DESC");
        return ExamRecord.<ExamRecord> find(q.toString(), params).firstResultOptional().map(Kept::of);
    }
}
