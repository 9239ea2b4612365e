package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/** Employment status (在岗状态); every change is kept in {@link PersonStatusChange}. */
public enum EmploymentStatus {
    /** 在岗 */
    ACTIVE,
    /** 离岗 (on leave, secondment, long absence) */
    ON_LEAVE,
    /** 调离 (transferred out) */
    TRANSFERRED;

    /** The official name, as written in rosters and course files ({@code formats/people.properties}). */
    public final String label = FormatWords.of("people").get("status." + name());

    public static Optional<EmploymentStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label) || s.name().equals(label)).findFirst();
    }
}
