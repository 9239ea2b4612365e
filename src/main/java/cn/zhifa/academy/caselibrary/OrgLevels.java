package cn.zhifa.academy.caselibrary;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.organization.OrgLevel;

/** The Chinese names of organisation levels (层级) as case files write them: 市, 区县, 镇街. */
public final class OrgLevels {

    private OrgLevels() {
    }

    public static String label(OrgLevel level) {
        return switch (level) {
            case CITY -> "市";
            case DISTRICT -> "区县";
            case TOWN -> "镇街";
        };
    }

    /** By Chinese name or enum name. */
    public static Optional<OrgLevel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(OrgLevel.values()).filter(l -> label(l).equals(v) || l.name().equalsIgnoreCase(v))
                .findFirst();
    }

    public static String labels() {
        return String.join("、", Arrays.stream(OrgLevel.values()).map(OrgLevels::label).toList());
    }
}
