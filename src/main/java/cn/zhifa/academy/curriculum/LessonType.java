package cn.zhifa.academy.curriculum;

/** Kinds of micro-lesson (微课单元). */
public enum LessonType {
    /** 微视频: completes at the configured share watched */
    VIDEO,
    /** 图文: completes when read */
    ARTICLE,
    /** 课件 (PDF): completes when read */
    SLIDES,
    /** 案例: embeds a case-library entry; completes when read */
    CASE,
    /** 小测验: completes when passed */
    CHECK
}
