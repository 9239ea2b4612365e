package cn.zhifa.academy.qualification;

import java.util.List;

/**
 * Qualifications expiring soon, as the dashboard reads them ({@link QualificationDashboardSource}).
 * Defined here, not in the dashboard: the dashboard uses qualifications, never the other way round.
 */
public interface ExpiringQualifications {

    boolean available();

    /** Valid qualifications of people whose unit path starts with the prefix, expiring in (fromDays, toDays] from today. */
    long count(String pathPrefix, int fromDays, int toDays);

    /** The people behind {@link #count}: [personId, qualification label, expiry date as text]. */
    List<Object[]> people(String pathPrefix, int fromDays, int toDays, int limit);
}
