package cn.zhifa.academy.exam.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import cn.zhifa.academy.exam.Json;

/**
 * The question edit form (题目编辑): options one per line, the answer in the spreadsheet's
 * notation (letters, 对/错, accepted texts separated by |), the rubric one point per line as
 * "要点|分值". Kept as typed so a refused save shows exactly what the author wrote.
 */
public class QuestionForm {

    static final String KP = cn.zhifa.academy.knowledge.KnowledgeTags.QUESTION_TAG_PREFIX;

    /** Only on the new-question form (编号 cannot change afterwards). */
    @RestForm
    public String code;

    @RestForm
    public String type;
    @RestForm
    public String stem;
    @RestForm
    public String options;
    @RestForm
    public String answer;
    @RestForm
    public String referenceAnswer;
    @RestForm
    public String rubric;
    @RestForm
    public String points;
    @RestForm
    public String explanation;
    @RestForm
    public String law;
    @RestForm
    public String articles;
    @RestForm
    public String domain;
    @RestForm
    public String difficulty;
    @RestForm
    public List<String> grades;
    @RestForm
    public List<String> levels;
    /** The stored order of the grades and levels: an unchanged choice keeps it, so the content stays the same. */
    @RestForm
    public String gradesWas;
    @RestForm
    public String levelsWas;
    /** Free tags (标签); the knowledge points are chosen apart and stored as tags 知识点:<code>. */
    @RestForm
    public String tags;
    /** The knowledge points (知识点) chosen from the taxonomy (issue 14 item 1 on the editor). */
    @RestForm
    public List<String> knowledge;
    /** The stored tags as they were: an unchanged choice keeps their order, so the content stays the same. */
    @RestForm
    public String tagsWas;
    @RestForm
    public String sourceCase;

    public static QuestionForm of(QuestionQueries.Detail d) {
        QuestionForm f = new QuestionForm();
        f.type = d.type();
        f.stem = d.stemMd();
        f.options = String.join("\n", d.options());
        f.answer = d.key();
        f.referenceAnswer = d.referenceAnswer();
        f.rubric = String.join("\n", d.rubric().stream()
                .map(r -> r.point() + "|" + (r.score() == null ? "" : r.score().stripTrailingZeros().toPlainString())).toList());
        f.points = d.points();
        f.explanation = d.explanation();
        f.law = d.law();
        f.articles = d.articles();
        f.domain = d.domainCode();
        f.difficulty = String.valueOf(d.difficulty());
        f.grades = QuestionFields.split(d.grades());
        f.levels = QuestionFields.split(d.levels());
        f.gradesWas = d.grades();
        f.levelsWas = d.levels();
        List<String> all = QuestionFields.split(d.tags());
        f.knowledge = all.stream().filter(t -> t.startsWith(KP)).map(t -> t.substring(KP.length()).strip()).toList();
        f.tags = String.join(",", all.stream().filter(t -> !t.startsWith(KP)).toList());
        f.tagsWas = d.tags();
        f.sourceCase = d.sourceCase();
        return f;
    }

    /** An empty form for a new question of the given type (issue 13 item 9). */
    public static QuestionForm blank(String type) {
        QuestionForm f = new QuestionForm();
        f.type = QuestionType.parse(type).map(Enum::name).orElse(QuestionType.SINGLE.name());
        f.domain = "TY";
        f.difficulty = "3";
        f.grades = List.of();
        f.levels = List.of();
        f.knowledge = List.of();
        return f;
    }

    public boolean hasGrade(String g) {
        return grades != null && grades.contains(g);
    }

    public boolean hasKnowledge(String code) {
        return knowledge != null && knowledge.contains(code);
    }

    /** The tags to store: the chosen knowledge points as 知识点:<code>, then the free tags (a free 知识点: tag stays valid). */
    List<String> allTags() {
        List<String> out = new ArrayList<>();
        for (String k : knowledge == null ? List.<String> of() : knowledge) {
            if (k != null && !k.isBlank() && !out.contains(KP + k.strip())) {
                out.add(KP + k.strip());
            }
        }
        for (String t : QuestionFields.split(tags)) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return keepOrder(out, tagsWas);
    }

    public boolean hasLevel(String l) {
        return levels != null && levels.contains(l);
    }

    /** The input the bank validates; a rubric line it cannot read is reported like any bad cell. */
    public QuestionInput toInput(String code, List<ImportProblem> problems) {
        List<String> opts = lines(options);
        List<String> ans;
        QuestionType t = QuestionType.parse(type).orElse(null);
        String a = answer == null ? "" : answer.trim();
        if (a.isEmpty()) {
            ans = List.of();
        } else if (t == QuestionType.FILL) {
            ans = Arrays.stream(a.split(QuestionFields.ALTERNATIVES)).map(String::trim).toList();
        } else {
            ans = List.of(a);
        }
        List<Json.RubricPoint> points = new ArrayList<>();
        int n = 0;
        for (String line : lines(rubric)) {
            n++;
            String[] parts = line.split(QuestionFields.ALTERNATIVES, 2);
            try {
                points.add(new Json.RubricPoint(parts[0].trim(),
                        parts.length < 2 || parts[1].isBlank() ? null : new BigDecimal(parts[1].trim())));
            } catch (NumberFormatException e) {
                problems.add(ImportProblem.of(null, 1, QuestionFields.RUBRIC, "question.rubric_points_number", n, parts[1].trim()));
            }
        }
        // fields of another type (hidden on the form after the type was changed) are not sent on
        boolean isCase = t == QuestionType.CASE_ANALYSIS;
        return new QuestionInput(null, 1, code, type, stem, t != null && t.choice() ? opts : List.of(),
                isCase ? List.of() : ans, isCase ? referenceAnswer : null, isCase ? points : List.of(),
                isCase ? points() : null, explanation, law, articles, domain, difficulty, keepOrder(grades, gradesWas),
                keepOrder(levels, levelsWas),
                allTags(), sourceCase);
    }

    private static List<String> keepOrder(List<String> chosen, String was) {
        List<String> before = QuestionFields.split(was);
        List<String> now = chosen == null ? List.of() : chosen;
        return new java.util.HashSet<>(now).equals(new java.util.HashSet<>(before)) ? before : now;
    }

    private String points() {
        return points;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
