package cn.zhifa.academy.caselibrary;

import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The fixed words of the case-file format (front-matter values, the seven headings, how lists are
 * written), kept in {@code formats/case-file.properties}: they do not change with the reader's
 * language.
 */
final class CaseFormat {

    static final FormatWords WORDS = FormatWords.of("case-file");

    private CaseFormat() {
    }

    /** Between the accepted words a message lists (行政处罚、行政强制 …). */
    static String choicesSeparator() {
        return WORDS.get("choices.separator");
    }

    /** Between the items of a list field in the authoring form (keywords, tags). */
    static String listSeparator() {
        return WORDS.get("list.separator");
    }

    /** Where a list field of the authoring form is split (the separator above, and the usual others). */
    static String listSplit() {
        return WORDS.get("list.split");
    }
}
