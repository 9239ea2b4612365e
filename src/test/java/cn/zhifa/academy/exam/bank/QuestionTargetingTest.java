package cn.zhifa.academy.exam.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Domain, difficulty, grades and levels of a question, without Quarkus. */
class QuestionTargetingTest {

    private static final QuestionRules.Domains DOMAINS = s -> s.equals("市场监管") || s.equals("SCJG")
            ? Optional.of("SCJG") : Optional.empty();

    private final List<ImportProblem> problems = new ArrayList<>();

    private static QuestionInput input(String domain, String difficulty, List<String> grades, List<String> levels) {
        return new QuestionInput("bank.yaml", 5, "Q1", null, null, null, null, null, null, null, null, null, null, domain,
                difficulty, grades, levels, null, null);
    }

    @Test
    void namesBecomeCodes() {
        QuestionTargeting.Target t = QuestionTargeting.check(input("市场监管", "3", List.of("骨干"), List.of("区县", "TOWN")),
                DOMAINS, problems);
        assertThat(problems).isEmpty();
        assertThat(t.domainCode()).isEqualTo("SCJG");
        assertThat(t.difficulty()).isEqualTo(3);
        assertThat(t.grades()).containsExactly("CORE");
        assertThat(t.levels()).containsExactly("DISTRICT", "TOWN");
    }

    @Test
    void everyUnknownValueIsReportedInColumnOrder() {
        QuestionTargeting.Target t = QuestionTargeting.check(input("水利", "六", List.of("实习"), List.of("省")), DOMAINS,
                problems);
        assertThat(t.domainCode()).isNull();
        assertThat(problems).extracting(ImportProblem::column).containsExactly("领域", "难度", "适用分级", "适用层级");
    }

    @Test
    void anEmptyDomainAndADifficultyOutOfRange() {
        QuestionTargeting.check(input(" ", "0", null, null), DOMAINS, problems);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("不能为空（通用 或 执法领域名称）",
                "应为 1–5 的整数");
    }
}
