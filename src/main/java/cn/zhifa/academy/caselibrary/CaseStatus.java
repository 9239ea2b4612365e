package cn.zhifa.academy.caselibrary;

import java.util.EnumSet;
import java.util.Set;

import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * Status of one version of a typical case. A version moves 草稿 → 待审核 → 已审核 → 已发布 →
 * 已撤回; publishing a newer version marks the older published one 已被取代, which stays readable.
 */
public enum CaseStatus {
    /** 草稿: the author edits it */
    DRAFT,
    /** 待审核: submitted, waiting for a reviewer who is not the author */
    IN_REVIEW,
    /** 已审核待发布: approved by the reviewer */
    APPROVED,
    /** 已发布: readable by everyone and in the search index */
    PUBLISHED,
    /** 已撤回: taken out of the library and the search index */
    WITHDRAWN,
    /** 已被取代: an older published version after a revision was published; still readable */
    SUPERSEDED;

    /** The status as an argument of a message of the errors bundle, in the message's language. */
    public ErrorTexts.Key word() {
        return ErrorTexts.key("case.status." + name());
    }

    /** Versions still being worked on; a case has at most one of them at a time. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(DRAFT, IN_REVIEW, APPROVED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether every signed-in reader may see a version in this status. */
    public boolean isPublic() {
        return this == PUBLISHED || this == SUPERSEDED;
    }
}
