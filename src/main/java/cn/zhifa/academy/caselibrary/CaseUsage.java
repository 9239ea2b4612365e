package cn.zhifa.academy.caselibrary;

import java.util.List;

/**
 * Service-provider interface for features that use typical cases (lessons that embed a case,
 * questions that name their source case). Implement it as a CDI bean; the case page lists what
 * every implementation returns under "在课程中使用". The case library itself implements none.
 */
public interface CaseUsage {

    /** Where the case with this code is used; empty when nowhere. Called on every case page view. */
    List<CaseUsageRef> usesOf(String caseCode);
}
