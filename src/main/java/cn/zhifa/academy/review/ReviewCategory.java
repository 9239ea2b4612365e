package cn.zhifa.academy.review;

/**
 * The seven dimensions of a case-file review standard (评查维度): 主体资格, 事实证据, 法律适用, 程序,
 * 文书制作, 裁量, 归档. Their names come from the review bundle ({@code category_<NAME>}).
 */
public enum ReviewCategory {
    SUBJECT, EVIDENCE, LAW, PROCEDURE, DOCUMENTS, DISCRETION, ARCHIVE;

    public String msgKey() {
        return "category_" + name();
    }

    public static java.util.Optional<ReviewCategory> parse(String s) {
        if (s == null) {
            return java.util.Optional.empty();
        }
        for (ReviewCategory c : values()) {
            if (c.name().equalsIgnoreCase(s.trim())) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
