package cn.zhifa.academy.platform.web;

import io.quarkus.qute.TemplateExtension;

/**
 * View helpers for values every page may show. The message keys of a feature's enums
 * ({@code {msg:message(p.grade.msgKey)}}) live in that feature's own template extension class
 * (e.g. {@code people/PeopleTemplateExtensions}): the platform knows no feature.
 */
@TemplateExtension
public class EnumExtensions {

    /** 0 → A, 1 → B … for option letters. */
    static String letter(Integer index) {
        return String.valueOf((char) ('A' + index));
    }
}
