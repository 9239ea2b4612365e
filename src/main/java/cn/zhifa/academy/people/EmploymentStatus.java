package cn.zhifa.academy.people;

import java.util.Arrays;
import java.util.Optional;

/** Employment status (在岗状态); every change is kept in {@link PersonStatusChange}. */
public enum EmploymentStatus {
    /** 在岗 */
    ACTIVE("在岗"),
    /** 离岗 (on leave, secondment, long absence) */
    ON_LEAVE("离岗"),
    /** 调离 (transferred out) */
    TRANSFERRED("调离");

    public final String label;

    EmploymentStatus(String label) {
        this.label = label;
    }

    public static Optional<EmploymentStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label) || s.name().equals(label)).findFirst();
    }
}
