package cn.zhifa.academy.evaluation;

/** Who an evaluation scheme assesses. */
public enum SubjectKind {
    /** 辅助人员责任制考核: a person of category 执法辅助人员. */
    AUXILIARY,
    /** 第三方机构信用评价: a provider. */
    PROVIDER;

    public String msgKey() {
        return "subject_" + name();
    }
}
