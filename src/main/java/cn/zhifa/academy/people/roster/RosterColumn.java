package cn.zhifa.academy.people.roster;

import java.util.Arrays;
import java.util.Optional;

/** The columns of the roster template (人员花名册), in template order. */
public enum RosterColumn {
    NAME("姓名", true, "张三"),
    EMPLOYEE_NO("工号", true, "SFS0001"),
    ID_NUMBER("身份证号", true, "330203199001011236"),
    CATEGORY("人员类别", true, "执法人员"),
    GRADE("人员分级", true, "在岗"),
    UNIT("所属单位", true, "江滨街道"),
    DEPARTMENT("部门", false, "江滨街道综合行政执法队"),
    DOMAINS("执法领域", false, "综合行政执法、市场监管"),
    CERT_NO("执法证号", false, "ZJ330200123456"),
    STATUS("在岗状态", false, "在岗"),
    STATUS_SINCE("状态日期", false, "2024-03-01"),
    MOBILE("手机号", false, "13800000000"),
    PROVIDER_CODE("第三方机构统一社会信用代码", false, "");

    public final String header;
    public final boolean required;
    public final String example;

    RosterColumn(String header, boolean required, String example) {
        this.header = header;
        this.required = required;
        this.example = example;
    }

    public static Optional<RosterColumn> byHeader(String header) {
        String h = header == null ? "" : header.trim().replace("*", "").replace("（必填）", "");
        return Arrays.stream(values()).filter(c -> c.header.equals(h)).findFirst();
    }
}
