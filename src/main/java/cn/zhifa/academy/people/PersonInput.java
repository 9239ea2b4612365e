package cn.zhifa.academy.people;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create or change a person. */
public record PersonInput(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "只能包含字母、数字、下划线和连字符") String employeeNo,
        @NotNull PersonCategory category,
        @NotNull Grade grade,
        @NotNull Long unitId,
        Long departmentId,
        Long providerId,
        List<Long> domainIds,
        @Size(max = 32) String certNo,
        /** Required on create; on update only when it changes. */
        String idNumber,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "手机号应为 11 位") String mobile) {
}
