package cn.zhifa.academy.people;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a client sends to create or change a person. */
public record PersonInput(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 32) String employeeNo,
        @NotNull PersonCategory category,
        @NotNull Grade grade,
        @NotNull Long unitId,
        Long departmentId,
        Long providerId,
        List<Long> domainIds,
        @Size(max = 32) String certNo,
        /** Required on create; on update only when it changes. */
        String idNumber,
        String mobile) {
}
