package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;


import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import cn.zhifa.academy.curriculum.HoursEntry;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.records.ExamCandidateRequested;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamResultRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test people, hours and exam results for qualification tests; records renewal-exam requests. */
@jakarta.inject.Singleton
public class QualFixtures {

    @Inject
    Event<ExamResultRecorded> results;

    public final List<ExamCandidateRequested> requested = new CopyOnWriteArrayList<>();

    void onCandidate(@Observes ExamCandidateRequested e) {
        requested.add(e);
    }

    public long person(String name, PersonCategory category, String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.name = name;
            p.employeeNo = "QT" + UUID.randomUUID().toString().substring(0, 10);
            p.category = category;
            p.grade = Grade.SERVING;
            p.unitId = OrgUnit.findByCode(unitCode).orElseThrow().id;
            p.statusSince = LocalDate.now();
            p.idHash = UUID.randomUUID().toString();
            p.idMasked = "330203**********1X";
            p.persist();
            return p.id;
        });
    }

    @Inject
    cn.zhifa.academy.storage.MediaService media;

    private Long evidenceId;

    /** Offline hours need evidence: one small PDF shared by every test entry. */
    synchronized long evidence() {
        if (evidenceId == null) {
            try {
                java.nio.file.Path f = java.nio.file.Files.createTempFile("evidence", ".pdf");
                java.nio.file.Files.writeString(f, "%PDF-1.4\n%test evidence\n");
                evidenceId = media.store(f, "签到表.pdf", "application/pdf", "test").id();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return evidenceId;
    }

    public void hours(long personId, int year, int hours) {
        long ev = evidence();
        QuarkusTransaction.requiringNew().run(() -> {
            HoursEntry h = new HoursEntry();
            h.evidenceMediaId = ev;
            h.personId = personId;
            h.year = year;
            h.hours = BigDecimal.valueOf(hours);
            h.source = HoursEntry.Source.OFFLINE;
            h.description = "测试学时";
            h.recordedBy = "test";
            h.persist();
        });
    }

    public void exam(long personId, String code, ExamPurpose purpose, String domain, double score, boolean passed,
            Instant finishedAt) {
        long examId = Math.abs((code + personId).hashCode()) + 10_000_000L;
        QuarkusTransaction.requiringNew().run(() -> results.fire(new ExamResultRecorded(personId, examId, code,
                "测试考试 " + code, purpose, false, domain, BigDecimal.valueOf(score), passed ? "合格" : "不合格", passed, 1,
                finishedAt)));
    }

    /** Passes both parts of the enforcement qualification exam (通用 + 专门 in a domain). */
    public void passEnforcementExams(long personId, String domain, Instant at) {
        exam(personId, "QG-" + personId, ExamPurpose.QUALIFICATION_GENERAL, "TY", 78, true, at);
        exam(personId, "QS-" + personId, ExamPurpose.QUALIFICATION_SPECIAL, domain, 85.5, true, at);
    }

    public List<Qualification> of(long personId) {
        return QuarkusTransaction.requiringNew().call(() -> Qualification.ofPerson(personId));
    }

    public Qualification reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Qualification.<Qualification> findById(id));
    }

    public List<QualificationEvent.Action> history(long id) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(QualificationEvent.of(id).stream()
                .map(e -> e.action).toList()));
    }

    public List<String> auditActions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "entityType = 'qualification' AND entityId = ?1 ORDER BY id", String.valueOf(id)).stream()
                .map(e -> e.action).toList());
    }
}
