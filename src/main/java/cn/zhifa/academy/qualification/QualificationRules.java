package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.curriculum.LearningDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamRecords;

/**
 * Decides whether a person has earned a qualification type (资格取得条件) or its renewal, from
 * the exam records, the hours ledger and course completions. Pure reads; the service acts.
 */
@ApplicationScoped
public class QualificationRules {

    @Inject
    ExamRecords exams;

    @Inject
    LearningDirectory learning;

    @Inject
    QualificationConfig config;

    /** An earned qualification: its domain, what earned it, and the date of the latest exam in it. */
    public record Earned(String domainCode, String basis, LocalDate examDate) {
    }

    public ZoneId zone() {
        return Now.zone();
    }

    /** Every domain in which the person meets the type's rule on {@code today}. */
    public List<Earned> earned(QualificationType t, PersonSummary p, LocalDate today) {
        if (!t.categoryList().contains(p.category().name())) {
            return List.of();
        }
        Optional<String> training = trainingMet(t.requiredHours, t.requiredCourseList(), p.id(), today);
        if (training.isEmpty()) {
            return List.of();
        }
        Instant from = today.minusMonths(config.examValidityMonths()).atStartOfDay(zone()).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone()).toInstant();
        List<ExamPurpose> purposes = t.purposeList();
        Set<String> domains = new LinkedHashSet<>();
        if (t.perDomain) {
            for (ExamPurpose purpose : purposes) {
                domains.addAll(exams.passedDomains(p.id(), purpose, from, to));
            }
        } else {
            domains.add(t.domainCode);
        }
        List<Earned> out = new ArrayList<>();
        for (String domain : domains) {
            StringBuilder basis = new StringBuilder();
            LocalDate latest = null;
            boolean all = true;
            for (ExamPurpose purpose : purposes) {
                Optional<ExamRecords.Kept> pass = t.perDomain
                        ? best(p.id(), purpose, domain, from, to).or(() -> best(p.id(), purpose, "TY", from, to))
                        : exams.bestPass(p.id(), List.of(purpose), null, from, to);
                if (pass.isEmpty()) {
                    all = false;
                    break;
                }
                ExamRecords.Kept r = pass.get();
                basis.append(QualText.record().record_basis_exam(r.examCode(),
                        r.score().stripTrailingZeros().toPlainString()));
                LocalDate d = LocalDate.ofInstant(r.finishedAt(), zone());
                latest = latest == null || d.isAfter(latest) ? d : latest;
            }
            if (all) {
                out.add(new Earned(domain, cut(basis + training.get()), latest == null ? today : latest));
            }
        }
        return out;
    }

    /**
     * The basis for renewing {@code q} on {@code today}: the renewal exam passed since the
     * renewal window opened (or, without a renewal exam, the type's own exams passed since
     * then), the renewal courses completed and the hours met.
     */
    public Optional<String> renewal(QualificationType t, Qualification q, PersonSummary p, LocalDate today) {
        LocalDate windowStart = q.expiresOn.minusMonths(t.renewalWindow(config));
        if (today.isBefore(windowStart)) {
            return Optional.empty();
        }
        List<String> courses = new ArrayList<>(t.requiredCourseList());
        t.renewalCourseList().stream().filter(c -> !courses.contains(c)).forEach(courses::add);
        Optional<String> training = trainingMet(t.requiredHours, courses, p.id(), today);
        if (training.isEmpty()) {
            return Optional.empty();
        }
        Instant from = windowStart.atStartOfDay(zone()).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone()).toInstant();
        if (t.renewalExamCode != null && !t.renewalExamCode.isBlank()) {
            return exams.bestPassOf(p.id(), t.renewalExamCode, from, to)
                    .map(r -> cut(QualText.record().record_basis_renewal_exam(r.examCode(),
                            r.score().stripTrailingZeros().toPlainString()) + training.get()));
        }
        return earned(t, p, today).stream().filter(e -> e.domainCode().equals(q.domainCode))
                .filter(e -> !e.examDate().isBefore(windowStart)).findFirst().map(Earned::basis);
    }

    /** Hours (in the decision's year or the one before) and completed courses; empty when not met. */
    Optional<String> trainingMet(BigDecimal requiredHours, List<String> courses, long personId, LocalDate today) {
        StringBuilder basis = new StringBuilder();
        if (requiredHours != null && requiredHours.signum() > 0) {
            BigDecimal thisYear = learning.hours(personId, today.getYear());
            BigDecimal lastYear = learning.hours(personId, today.getYear() - 1);
            int year = thisYear.compareTo(lastYear) >= 0 ? today.getYear() : today.getYear() - 1;
            BigDecimal best = thisYear.max(lastYear);
            if (best.compareTo(requiredHours) < 0) {
                return Optional.empty();
            }
            basis.append(QualText.record().record_basis_hours(String.valueOf(year),
                    best.stripTrailingZeros().toPlainString()));
        }
        if (!courses.isEmpty()) {
            long done = learning.completedCount(personId, courses);
            if (done < courses.size()) {
                return Optional.empty();
            }
            QualMessages m = QualText.record();
            basis.append(m.record_basis_courses(String.join(m.list_joiner(), courses)));
        }
        return Optional.of(basis.toString());
    }

    private Optional<ExamRecords.Kept> best(long personId, ExamPurpose purpose, String domain, Instant from, Instant to) {
        return exams.bestPass(personId, List.of(purpose), domain, from, to);
    }

    private static String cut(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
