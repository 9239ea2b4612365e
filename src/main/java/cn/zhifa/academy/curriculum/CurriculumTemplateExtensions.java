package cn.zhifa.academy.curriculum;

import io.quarkus.qute.TemplateExtension;

/** Lesson types on pages: {@code {msg:message(t.msgKey)}} and the choices of the lesson form. */
@TemplateExtension
public class CurriculumTemplateExtensions {

    static String msgKey(LessonType t) {
        return "ltype_" + t.name();
    }

    static LessonType[] allTypes(LessonType t) {
        return LessonType.values();
    }
}
