package cn.zhifa.academy.exam;

import java.time.Instant;

/** Extra time, extra attempts or another window, for one person (employee number) or a unit subtree. */
public record OverrideInput(String employeeNo, Long unitId, Integer extraMinutes, Integer extraAttempts,
        Instant opensAt, Instant closesAt, String reason) {
}
