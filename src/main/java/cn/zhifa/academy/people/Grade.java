package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

/** Grade (分级) of a person, used by the curriculum's 分类分级分层. */
public enum Grade {
    /** 新任 (new, pre-service) */
    NEW("新任"),
    /** 在岗 (serving) */
    SERVING("在岗"),
    /** 骨干 (core / instructor) */
    CORE("骨干"),
    /** 领导 (leader) */
    LEADER("领导");

    public final String label;

    Grade(String label) {
        this.label = label;
    }

    public static Optional<Grade> fromLabel(String label) {
        return Arrays.stream(values()).filter(g -> g.label.equals(label) || g.name().equals(label)).findFirst();
    }
}
