package cn.zhifa.academy.people;

import io.quarkus.qute.TemplateExtension;

/** Message keys of the people enums shown on pages: {@code {msg:message(p.grade.msgKey)}}. */
@TemplateExtension
public class PeopleTemplateExtensions {

    static String msgKey(PersonCategory c) {
        return "cat_" + c.name();
    }

    static String msgKey(Grade g) {
        return "grade_" + g.name();
    }

    static String msgKey(EmploymentStatus s) {
        return "status_" + s.name();
    }
}
