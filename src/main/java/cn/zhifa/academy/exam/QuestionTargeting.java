package cn.zhifa.academy.exam;

import static cn.zhifa.academy.exam.QuestionRules.problem;
import static cn.zhifa.academy.exam.QuestionRules.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhifa.academy.people.Grade;

/**
 * Whom and where a question is for (part of {@link QuestionRules}): its enforcement domain,
 * difficulty, grades (适用分级) and organisation levels (适用层级).
 */
final class QuestionTargeting {

    static final Map<String, String> LEVELS = Map.of("市", "CITY", "区县", "DISTRICT", "镇街", "TOWN", "CITY", "CITY",
            "DISTRICT", "DISTRICT", "TOWN", "TOWN");

    /** Domain code (null when unknown), difficulty 1–5, grade names and level names. */
    record Target(String domainCode, int difficulty, List<String> grades, List<String> levels) {
    }

    private QuestionTargeting() {
    }

    static Target check(QuestionInput in, QuestionRules.Domains domains, List<ImportProblem> p) {
        String domainCode = null;
        String domain = trim(in.domain());
        if (domain.isEmpty()) {
            p.add(problem(in, "领域", "不能为空（通用 或 执法领域名称）"));
        } else {
            domainCode = domains.code(domain).orElse(null);
            if (domainCode == null) {
                p.add(problem(in, "领域", "未知的领域“" + domain + "”"));
            }
        }
        int difficulty = 0;
        try {
            difficulty = Integer.parseInt(trim(in.difficulty()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (difficulty < 1 || difficulty > 5) {
            p.add(problem(in, "难度", "应为 1–5 的整数"));
        }
        List<String> grades = new ArrayList<>();
        for (String g : in.grades() == null ? List.<String> of() : in.grades()) {
            Grade.fromLabel(trim(g)).ifPresentOrElse(x -> grades.add(x.name()),
                    () -> p.add(problem(in, "适用分级", "未知的分级“" + g + "”（新任、在岗、骨干、领导）")));
        }
        List<String> levels = new ArrayList<>();
        for (String l : in.levels() == null ? List.<String> of() : in.levels()) {
            String v = LEVELS.get(trim(l));
            if (v == null) {
                p.add(problem(in, "适用层级", "未知的层级“" + l + "”（市、区县、镇街）"));
            } else {
                levels.add(v);
            }
        }
        return new Target(domainCode, difficulty, grades, levels);
    }
}
