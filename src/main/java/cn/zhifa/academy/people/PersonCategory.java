package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/** Personnel category (人员类别). */
public enum PersonCategory {
    /** 执法人员: certified officer */
    OFFICER,
    /** 法制审核人员: legal reviewer */
    LEGAL_REVIEWER,
    /**
     * 执法辅助人员: auxiliary staff. Under the 2025 行政执法人员行为准则 they support officers and
     * may not carry out enforcement on their own.
     */
    AUXILIARY,
    /** 第三方机构人员: staff of a commissioned provider; no enforcement powers either. */
    PROVIDER_STAFF;

    /** The official name, as written in rosters and course files ({@code formats/people.properties}). */
    public final String label = FormatWords.of("people").get("category." + name());

    public static Optional<PersonCategory> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label) || c.name().equals(label)).findFirst();
    }

    /** Categories that must never act as enforcement officers on their own. */
    public boolean supportOnly() {
        return this == AUXILIARY || this == PROVIDER_STAFF;
    }
}
