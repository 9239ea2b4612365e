package cn.zhifa.academy.dashboard;

import java.util.List;

/**
 * The dashboard's source for qualifications expiring soon. The qualifications feature provides
 * the real bean; until it does, {@link NoExpiringQualifications} says the panel has no source.
 */
public interface ExpiringQualifications {

    boolean available();

    /** Valid qualifications of people whose unit path starts with the prefix, expiring in (fromDays, toDays] from today. */
    long count(String pathPrefix, int fromDays, int toDays);

    /** The people behind {@link #count}: [personId, qualification label, expiry date as text]. */
    List<Object[]> people(String pathPrefix, int fromDays, int toDays, int limit);
}
