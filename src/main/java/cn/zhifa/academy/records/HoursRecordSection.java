package cn.zhifa.academy.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.curriculum.CurriculumConfig;
import cn.zhifa.academy.platform.web.RecordTable;

/** 学习档案: learning hours (学时) per year against the yearly target, and the completed courses. */
@ApplicationScoped
public class HoursRecordSection implements PersonRecordSection {

    @Inject
    EntityManager em;

    @Inject
    CurriculumConfig curriculum;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<RecordTable> forPerson(long personId, Locale locale) {
        RecordMessages m = RecordText.of(locale);
        BigDecimal target = BigDecimal.valueOf(curriculum.annualHoursTarget());
        List<List<String>> rows = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT h.year, SUM(h.hours) FROM HoursEntry h WHERE h.personId = :p "
                + "GROUP BY h.year ORDER BY h.year DESC", Object[].class).setParameter("p", personId).getResultList()) {
            BigDecimal hours = (BigDecimal) r[1];
            rows.add(List.of(String.valueOf(r[0]), hours.stripTrailingZeros().toPlainString(), target.toPlainString(),
                    hours.compareTo(target) >= 0 ? m.rec_hours_yes() : m.rec_hours_no()));
        }
        List<String> courses = em.createQuery("SELECT v.title FROM Enrollment e, CourseVersion v WHERE v.id = "
                + "e.courseVersionId AND e.personId = :p AND e.completedAt IS NOT NULL ORDER BY e.completedAt DESC",
                String.class).setParameter("p", personId).getResultList();
        String summary = courses.isEmpty() ? m.rec_hours_summary(courses.size())
                : m.rec_hours_summary_with(m.rec_hours_summary(courses.size()), String.join(m.rec_list_joiner(), courses));
        return Optional.of(new RecordTable("hours", m.rec_hours_title(), List.of(m.rec_hours_year(), m.rec_hours_hours(),
                m.rec_hours_target(), m.rec_hours_met()), rows, summary, m.rec_hours_empty()));
    }
}
