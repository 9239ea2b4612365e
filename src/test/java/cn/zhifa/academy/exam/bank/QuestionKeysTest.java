package cn.zhifa.academy.exam.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.Json;

/** The answer key of each question type, without Quarkus. */
class QuestionKeysTest {

    static QuestionInput input(List<String> options, List<String> answer, String reference, List<Json.RubricPoint> rubric,
            String points) {
        return new QuestionInput("bank.yaml", 7, "Q1", null, null, options, answer, reference, rubric, points, null, null,
                null, null, null, null, null, null, null);
    }

    private final List<ImportProblem> problems = new ArrayList<>();

    private QuestionKeys.Key check(QuestionType t, String stem, List<String> options, List<String> answer,
            String reference, List<Json.RubricPoint> rubric, String points) {
        return QuestionKeys.check(input(options, answer, reference, rubric, points), t, stem, options, reference, rubric,
                problems);
    }

    @Test
    void multipleChoiceLettersBecomeOptionIndexesInOrder() {
        QuestionKeys.Key k = check(QuestionType.MULTIPLE, "stem", List.of("a", "b", "c", "d"), List.of("D, b"), "",
                List.of(), null);
        assertThat(problems).isEmpty();
        assertThat(k.key()).containsExactly("1", "3");
        assertThat(k.points()).isNull();
    }

    @Test
    void singleChoiceNeedsExactlyOneLetterWithinTheOptions() {
        check(QuestionType.SINGLE, "stem", List.of("a", "b"), List.of("AB"), "", List.of(), null);
        assertThat(problems).extracting(ImportProblem::column, ImportProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("答案", "单选题应有且只有一个正确选项"));
        problems.clear();
        QuestionKeys.Key k = check(QuestionType.SINGLE, "stem", List.of("a", "b"), List.of("C"), "", List.of(), null);
        assertThat(k.key()).isEmpty();
        assertThat(problems).extracting(ImportProblem::message).containsExactly("“C”不是有效的选项字母");
        assertThat(problems).extracting(ImportProblem::file, ImportProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bank.yaml", 7));
    }

    @Test
    void choiceOptionsAreCountedAndMustDiffer() {
        check(QuestionType.SINGLE, "stem", List.of("a"), List.of("A"), "", List.of(), null);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("单选题需要 2–8 个选项，现有 1 个");
        problems.clear();
        check(QuestionType.SINGLE, "stem", List.of("a", "a"), List.of("A"), "", List.of(), null);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("选项有重复");
    }

    @Test
    void trueFalseAcceptsChineseAndEnglishWords() {
        assertThat(check(QuestionType.TRUE_FALSE, "stem", List.of(), List.of("对"), "", List.of(), null).key())
                .containsExactly("1");
        assertThat(check(QuestionType.TRUE_FALSE, "stem", List.of(), List.of("false"), "", List.of(), null).key())
                .containsExactly("0");
        assertThat(problems).isEmpty();
        check(QuestionType.TRUE_FALSE, "stem", List.of(), List.of("也许"), "", List.of(), null);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("判断题答案应为 对 或 错");
    }

    @Test
    void fillInNeedsAnAnswerAndABlankInTheStem() {
        QuestionKeys.Key k = check(QuestionType.FILL, "期限为 ____ 日", List.of(), List.of(" 七 ", "", "7"), "", List.of(),
                null);
        assertThat(problems).isEmpty();
        assertThat(k.key()).containsExactly("七", "7");
        check(QuestionType.FILL, "期限为几日", List.of(), List.of("7"), "", List.of(), null);
        assertThat(problems).extracting(ImportProblem::column).containsExactly("题干");
    }

    @Test
    void caseAnalysisRubricMustAddUpToThePoints() {
        List<Json.RubricPoint> rubric = List.of(new Json.RubricPoint("定性", new BigDecimal("6")),
                new Json.RubricPoint("依据", new BigDecimal("3")));
        QuestionKeys.Key k = check(QuestionType.CASE_ANALYSIS, "stem", List.of(), null, "参考", rubric, "10");
        assertThat(k.points()).isEqualByComparingTo("10");
        assertThat(problems).extracting(ImportProblem::message).containsExactly("评分要点分值之和 9 不等于分值 10");
    }

    @Test
    void onlyCaseAnalysisHasAReferenceAnswer() {
        check(QuestionType.TRUE_FALSE, "stem", List.of(), List.of("对"), "参考", List.of(), null);
        assertThat(problems).extracting(ImportProblem::column).containsExactly("参考答案");
    }
}
