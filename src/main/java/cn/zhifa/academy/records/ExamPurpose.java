package cn.zhifa.academy.records;

/**
 * What an exam is for. A 补考 (resit) is an exam of its own whose result counts for the
 * purpose of the exam it repeats: records carry the effective purpose and a resit flag.
 */
public enum ExamPurpose {
    /** 资格考试（通用法律知识）, run by the justice bureau. */
    QUALIFICATION_GENERAL,
    /** 资格考试（专门法律知识）, run by the sector department. */
    QUALIFICATION_SPECIAL,
    /** 年度考核. */
    ANNUAL,
    /** 辅助人员考核 (feeds the 责任制考核 业务能力 item). */
    AUXILIARY,
    /** 第三方人员考核. */
    PROVIDER_STAFF,
    /** 课程测验. */
    COURSE_QUIZ,
    /** 补考: only as an exam's declared purpose; records use the purpose it repeats. */
    RESIT;

    public String msgKey() {
        return "purpose_" + name();
    }
}
