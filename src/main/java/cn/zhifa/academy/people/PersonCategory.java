package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

/** Personnel category (人员类别). */
public enum PersonCategory {
    /** 执法人员: certified officer */
    OFFICER("执法人员"),
    /** 法制审核人员: legal reviewer */
    LEGAL_REVIEWER("法制审核人员"),
    /**
     * 执法辅助人员: auxiliary staff. Under the 2025 行政执法人员行为准则 they support officers and
     * may not carry out enforcement on their own.
     */
    AUXILIARY("执法辅助人员"),
    /** 第三方机构人员: staff of a commissioned provider; no enforcement powers either. */
    PROVIDER_STAFF("第三方机构人员");

    public final String label;

    PersonCategory(String label) {
        this.label = label;
    }

    public static Optional<PersonCategory> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label) || c.name().equals(label)).findFirst();
    }

    /** Categories that must never act as enforcement officers on their own. */
    public boolean supportOnly() {
        return this == AUXILIARY || this == PROVIDER_STAFF;
    }
}
