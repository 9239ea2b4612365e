package cn.zhifa.academy.exam.bank;

import static cn.zhifa.academy.exam.bank.QuestionRules.problem;
import static cn.zhifa.academy.exam.bank.QuestionRules.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhifa.academy.people.Grade;

/**
 * Whom and where a question is for (part of {@link QuestionRules}): its enforcement domain,
 * difficulty, grades (适用分级) and organisation levels (适用层级).
 */
final class QuestionTargeting {

    /** Written level name or level → level. */
    static final Map<String, String> LEVELS = levels();

    /** Domain code (null when unknown), difficulty 1–5, grade names and level names. */
    record Target(String domainCode, int difficulty, List<String> grades, List<String> levels) {
    }

    private QuestionTargeting() {
    }

    private static Map<String, String> levels() {
        Map<String, String> m = new java.util.HashMap<>();
        QuestionFields.LEVEL_NAMES.forEach((level, name) -> {
            m.put(name, level);
            m.put(level, level);
        });
        return Map.copyOf(m);
    }

    static Target check(QuestionInput in, QuestionRules.Domains domains, List<ImportProblem> p) {
        String domainCode = null;
        String domain = trim(in.domain());
        if (domain.isEmpty()) {
            p.add(problem(in, QuestionFields.DOMAIN, "question.domain_required"));
        } else {
            domainCode = domains.code(domain).orElse(null);
            if (domainCode == null) {
                p.add(problem(in, QuestionFields.DOMAIN, "question.domain_unknown", domain));
            }
        }
        int difficulty = 0;
        try {
            difficulty = Integer.parseInt(trim(in.difficulty()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (difficulty < 1 || difficulty > 5) {
            p.add(problem(in, QuestionFields.DIFFICULTY, "question.difficulty_range"));
        }
        List<String> grades = new ArrayList<>();
        for (String g : in.grades() == null ? List.<String> of() : in.grades()) {
            Grade.fromLabel(trim(g)).ifPresentOrElse(x -> grades.add(x.name()),
                    () -> p.add(problem(in, QuestionFields.GRADES, "question.grade_unknown", g)));
        }
        List<String> levels = new ArrayList<>();
        for (String l : in.levels() == null ? List.<String> of() : in.levels()) {
            String v = LEVELS.get(trim(l));
            if (v == null) {
                p.add(problem(in, QuestionFields.LEVELS, "question.level_unknown", l));
            } else {
                levels.add(v);
            }
        }
        return new Target(domainCode, difficulty, grades, levels);
    }
}
