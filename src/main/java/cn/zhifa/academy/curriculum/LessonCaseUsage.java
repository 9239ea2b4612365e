package cn.zhifa.academy.curriculum;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.caselibrary.CaseUsage;
import cn.zhifa.academy.caselibrary.CaseUsageRef;

/** Tells the case library which published lessons embed a case (shown on the case page). */
@ApplicationScoped
public class LessonCaseUsage implements CaseUsage {

    @Inject
    EntityManager em;

    @Override
    public List<CaseUsageRef> usesOf(String caseCode) {
        return em.createQuery("SELECT l.id, v.title, l.title FROM Lesson l, CourseVersion v, Course c "
                + "WHERE l.courseVersionId = v.id AND v.id = c.publishedVersionId AND l.caseCode = :code "
                + "ORDER BY v.title", Object[].class).setParameter("code", caseCode).getResultList().stream()
                .map(r -> new CaseUsageRef(CurriculumText.now().case_usage_kind(), r[1] + " · " + r[2], "/learn/lessons/" + r[0])).toList();
    }
}
