package cn.zhifa.academy.people.roster;

import java.time.LocalDate;
import java.util.List;

import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PersonCategory;

/**
 * One valid roster row, resolved to ids. {@code status} and {@code statusSince} are null when
 * the file leaves them empty: a known person keeps theirs, a new one is 在岗 from today.
 */
public record RosterRecord(int line, String name, String employeeNo, String idHash, String idMasked,
        PersonCategory category, Grade grade, long unitId, Long departmentId, List<Long> domainIds, String certNo,
        EmploymentStatus status, LocalDate statusSince, String mobile, Long providerId) {
}
