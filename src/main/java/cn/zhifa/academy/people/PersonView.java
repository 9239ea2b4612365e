package cn.zhifa.academy.people;

import java.time.LocalDate;
import java.util.List;

/** Wire and page shape of a person. Never carries the ID number, only its masked form. */
public record PersonView(long id, String name, String employeeNo, PersonCategory category, String categoryLabel,
        Grade grade, String gradeLabel, Ref unit, Ref department, Ref provider, List<String> domains, String certNo,
        EmploymentStatus status, String statusLabel, LocalDate statusSince, String idMasked, String mobile,
        boolean supportOnly, String accountUsername) {

    /** A named reference to another record. */
    public record Ref(long id, String name) {
    }
}
