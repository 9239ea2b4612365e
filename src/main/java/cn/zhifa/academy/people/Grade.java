package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/** Grade (分级) of a person, used by the curriculum's 分类分级分层. */
public enum Grade {
    /** 新任 (new, pre-service) */
    NEW,
    /** 在岗 (serving) */
    SERVING,
    /** 骨干 (core / instructor) */
    CORE,
    /** 领导 (leader) */
    LEADER;

    /** The official name, as written in rosters and course files ({@code formats/people.properties}). */
    public final String label = FormatWords.of("people").get("grade." + name());

    public static Optional<Grade> fromLabel(String label) {
        return Arrays.stream(values()).filter(g -> g.label.equals(label) || g.name().equals(label)).findFirst();
    }
}
