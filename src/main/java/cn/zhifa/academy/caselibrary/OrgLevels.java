package cn.zhifa.academy.caselibrary;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.organization.OrgLevel;

/** The Chinese names of organisation levels (层级) as case files write them: 市, 区县, 镇街 (formats/case-file.properties, orgLevel.*). */
public final class OrgLevels {

    private OrgLevels() {
    }

    public static String label(OrgLevel level) {
        return CaseFormat.WORDS.get("orgLevel." + level.name());
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
        return String.join(CaseFormat.choicesSeparator(), Arrays.stream(OrgLevel.values()).map(OrgLevels::label).toList());
    }
}
