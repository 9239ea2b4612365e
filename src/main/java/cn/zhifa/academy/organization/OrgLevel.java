package cn.zhifa.academy.organization;

/** Organisation level (层级): 市 → 区县 → 镇街. A course's 分层 targets one of these. */
public enum OrgLevel {
    /** 市 */
    CITY,
    /** 区县 */
    DISTRICT,
    /** 镇街 */
    TOWN;

    public OrgLevel childLevel() {
        return switch (this) {
            case CITY -> DISTRICT;
            case DISTRICT -> TOWN;
            case TOWN -> null;
        };
    }
}
