package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import cn.zhifa.academy.curriculum.HoursEntry;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.provider.CreditCodes;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.provider.ProviderStatus;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamResultRecorded;
import cn.zhifa.academy.storage.MediaObject;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Fresh people, providers, exam results (through the real event) and hours for evaluation tests. */
@ApplicationScoped
public class EvalFixtures {

    @Inject
    Event<ExamResultRecorded> examResults;

    public long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    public Person person(String unitCode, PersonCategory category) {
        return person(unitCode, category, null);
    }

    /** A person, as a provider's staff member when providerId is given. */
    public Person person(String unitCode, PersonCategory category, Long providerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String u = UUID.randomUUID().toString().replace("-", "");
            Person p = new Person();
            p.name = "测试" + u.substring(0, 4);
            p.employeeNo = "T" + u.substring(0, 12);
            p.category = category;
            p.grade = Grade.SERVING;
            p.unitId = OrgUnit.findByCode(unitCode).orElseThrow().id;
            p.providerId = providerId;
            p.status = EmploymentStatus.ACTIVE;
            p.statusSince = LocalDate.of(2024, 1, 1);
            p.idHash = u + u.substring(0, 32);
            p.idMasked = "330203**********1X";
            p.persist();
            return p;
        });
    }

    public Provider provider(String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Provider p = new Provider();
            String first17 = "91330203MA2" + String.format("%06d", (int) (Math.random() * 900_000) + 100_000);
            p.creditCode = first17 + CreditCodes.checkCharacter(first17);
            p.name = "测试服务公司" + first17.substring(11);
            p.serviceCategories = "协助巡查";
            p.commissioningUnitId = OrgUnit.findByCode(unitCode).orElseThrow().id;
            p.status = ProviderStatus.ACTIVE;
            p.persist();
            return p;
        });
    }

    /** Produces an exam result the way the exam engine does: by firing the shared event. */
    public void examResult(long personId, long examId, ExamPurpose purpose, int score, LocalDate finished) {
        QuarkusTransaction.requiringNew().run(() -> examResults.fire(new ExamResultRecorded(personId, examId, "T-" + examId,
                "测试考试 " + examId, purpose, false, "ZHZF", BigDecimal.valueOf(score), score >= 60 ? "合格" : "不合格",
                score >= 60, 1, finished.atStartOfDay(EvaluationService.ZONE).toInstant())));
    }

    public void hours(long personId, int year, int hours) {
        QuarkusTransaction.requiringNew().run(() -> {
            MediaObject m = new MediaObject();
            m.objectKey = "test/" + UUID.randomUUID();
            m.filename = "sign-in.pdf";
            m.contentType = "application/pdf";
            m.sizeBytes = 1;
            m.sha256 = "0".repeat(64);
            m.uploadedBy = "test";
            m.createdAt = java.time.Instant.now();
            m.persist();
            HoursEntry h = new HoursEntry();
            h.personId = personId;
            h.year = year;
            h.hours = BigDecimal.valueOf(hours);
            h.source = HoursEntry.Source.OFFLINE;
            h.description = "线下培训";
            h.evidenceMediaId = m.id;
            h.recordedBy = "test";
            h.persist();
        });
    }

    static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    /** A valid scheme body (as JSON map) that tests then break in one place. */
    public static Map<String, Object> scheme(String code, SubjectKind kind, long unitId) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "测试方案");
        m.put("subjectKind", kind.name());
        m.put("cycle", "ANNUAL");
        m.put("owningUnitId", unitId);
        List<Map<String, Object>> items = new ArrayList<>();
        if (kind == SubjectKind.AUXILIARY) {
            items.add(item("WORK", "工作实绩", 50, 100, "MANUAL", null));
            items.add(item("EXAM", "业务能力", 30, 100, "EXAM_SCORE", "AUXILIARY"));
            items.add(item("HOURS", "学习培训", 20, 10, "TRAINING_HOURS", "40"));
        } else {
            items.add(item("ZGBM", "主管部门评价", 70, 70, "MANUAL", null));
            items.add(item("ZFXY", "政府信用记录", 10, 10, "MANUAL", null));
            items.add(item("SHPJ", "社会评价", 20, 20, "MANUAL", null));
        }
        m.put("items", items);
        List<Map<String, Object>> bands = new ArrayList<>();
        if (kind == SubjectKind.AUXILIARY) {
            bands.add(band("优秀", 90, 100, null));
            bands.add(band("合格", 75, 90, null));
            bands.add(band("基本合格", 60, 75, null));
            bands.add(band("不合格", 0, 60, 2));
        } else {
            bands.add(band("AA", 90, 100, null));
            bands.add(band("A", 80, 90, null));
            bands.add(band("B", 70, 80, null));
            bands.add(band("C", 60, 70, null));
            bands.add(band("D", 0, 60, null));
        }
        m.put("bands", bands);
        return m;
    }

    static Map<String, Object> item(String code, String name, int weight, int max, String source, String param) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("weight", weight);
        m.put("maxScore", max);
        m.put("source", source);
        m.put("param", param);
        return m;
    }

    static Map<String, Object> band(String label, int min, int max, Integer flag) {
        Map<String, Object> m = new HashMap<>();
        m.put("label", label);
        m.put("minScore", min);
        m.put("maxScore", max);
        m.put("flagConsecutive", flag);
        return m;
    }
}
