package cn.zhifa.academy.platform.web;

import io.quarkus.qute.TemplateExtension;

/** Message keys of enums shown on pages: {@code {msg:message(p.grade.msgKey)}}. */
@TemplateExtension
public class EnumExtensions {

    static String msgKey(cn.zhifa.academy.people.PersonCategory c) {
        return "cat_" + c.name();
    }

    static String msgKey(cn.zhifa.academy.people.Grade g) {
        return "grade_" + g.name();
    }

    static String msgKey(cn.zhifa.academy.people.EmploymentStatus s) {
        return "status_" + s.name();
    }

    static String msgKey(cn.zhifa.academy.curriculum.LessonType t) {
        return "ltype_" + t.name();
    }

    static String msgKey(cn.zhifa.academy.organization.OrgLevel l) {
        return "org_level_" + l.name();
    }

    static cn.zhifa.academy.curriculum.LessonType[] allTypes(cn.zhifa.academy.curriculum.LessonType t) {
        return cn.zhifa.academy.curriculum.LessonType.values();
    }

    /** 0 → A, 1 → B … for option letters. */
    static String letter(Integer index) {
        return String.valueOf((char) ('A' + index));
    }

    static String msgKey(cn.zhifa.academy.provider.ProviderStatus s) {
        return "pstatus_" + s.name();
    }
}
