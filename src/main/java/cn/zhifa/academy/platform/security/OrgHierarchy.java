package cn.zhifa.academy.platform.security;

import java.util.Optional;

/**
 * What the scope checks need to know about the organisation tree. The organisation feature
 * implements it; the platform depends on no feature.
 */
public interface OrgHierarchy {

    /** The unit's materialised path ("/1/4/9/"), if the unit exists. */
    Optional<String> pathOf(long unitId);

    /** The unit's name, if the unit exists. */
    Optional<String> nameOf(long unitId);

    /** True when {@code unitId} is {@code ancestorId} or lies below it. */
    default boolean isWithin(long unitId, long ancestorId) {
        Optional<String> unit = pathOf(unitId);
        Optional<String> ancestor = pathOf(ancestorId);
        return unit.isPresent() && ancestor.isPresent() && unit.get().startsWith(ancestor.get());
    }
}
