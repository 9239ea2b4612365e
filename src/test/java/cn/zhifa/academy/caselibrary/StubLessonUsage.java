package cn.zhifa.academy.caselibrary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands in for the curriculum feature, which will report the lessons that embed a case: one
 * lesson uses 渣土车抛洒 (ZH-2025-003). Proves that the case page lists what {@link CaseUsage}
 * implementations report.
 */
@ApplicationScoped
public class StubLessonUsage implements CaseUsage {

    static final String CODE = "ZH-2025-003";

    @Override
    public List<CaseUsageRef> usesOf(String caseCode) {
        return CODE.equals(caseCode) ? List.of(new CaseUsageRef("课程", "渣土车抛洒的裁量基准（测试微课）", "/cases/ZH-2025-003"))
                : List.of();
    }
}
