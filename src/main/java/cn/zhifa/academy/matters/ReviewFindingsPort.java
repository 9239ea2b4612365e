package cn.zhifa.academy.matters;

import java.util.OptionalLong;

/**
 * Review findings (案卷评查 deductions) on the case files of one matter handled by one town's
 * units. The readiness view calls only this port; {@link NoReviewFindings} answers "not
 * available" until the case-file review module provides an implementation.
 */
public interface ReviewFindingsPort {

    /** Empty when no review data exist; else the number of findings on the town's files of the matter. */
    OptionalLong findings(long townId, String matterCode, String matterName);
}
