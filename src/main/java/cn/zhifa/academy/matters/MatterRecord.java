package cn.zhifa.academy.matters;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A valid catalogue row, ready to be written. {@code townIds} are the towns listed in the row. */
public record MatterRecord(int line, String code, String name, long domainId, String legalBasis, boolean highFrequency,
        Set<Long> townIds, LocalDate effectiveOn, List<String> knowledgePoints, List<String> courses, List<String> cases,
        List<String> questions) {
}
