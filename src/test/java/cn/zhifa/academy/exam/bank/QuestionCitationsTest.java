package cn.zhifa.academy.exam.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.Laws;

/** The cited law and articles of a question, without Quarkus. */
class QuestionCitationsTest {

    private final List<ImportProblem> problems = new ArrayList<>();

    private static QuestionInput input(String law, String articles) {
        return new QuestionInput("bank.yaml", 3, "Q1", null, null, null, null, null, null, null, null, law, articles, null,
                null, null, null, null, null);
    }

    private static Laws.Law aLaw() {
        return Laws.all().stream().filter(l -> l.articles() >= 2).findFirst().orElseThrow();
    }

    @Test
    void articlesOfAKnownLawAreSortedAndDeduplicated() {
        Laws.Law law = aLaw();
        QuestionCitations.Citation c = QuestionCitations.check(input(law.name(), "2，1 2"), Optional.of(QuestionType.SINGLE),
                problems);
        assertThat(problems).isEmpty();
        assertThat(c.law()).contains(law);
        assertThat(c.articles()).containsExactly(1, 2);
    }

    @Test
    void anArticleBeyondTheLawIsNamed() {
        Laws.Law law = aLaw();
        QuestionCitations.check(input(law.name(), String.valueOf(law.articles() + 1)), Optional.of(QuestionType.SINGLE),
                problems);
        assertThat(problems).extracting(ImportProblem::column, ImportProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("条款", "《" + law.name() + "》没有第" + (law.articles() + 1) + "条"));
    }

    @Test
    void unknownLawAndNonNumericArticleAreBothReported() {
        QuestionCitations.Citation c = QuestionCitations.check(input("不存在的法", "三十三"),
                Optional.of(QuestionType.SINGLE), problems);
        assertThat(c.law()).isEmpty();
        assertThat(problems).extracting(ImportProblem::message).containsExactly("未知的法律“不存在的法”",
                "条号应为数字，如 33 或 33,34，而不是“三十三”");
    }

    @Test
    void objectiveQuestionsMustNameArticlesCaseAnalysisNeedNot() {
        String law = aLaw().name();
        QuestionCitations.check(input(law, ""), Optional.of(QuestionType.MULTIPLE), problems);
        assertThat(problems).extracting(ImportProblem::message).containsExactly("请填写解析引用的条号");
        problems.clear();
        QuestionCitations.check(input(law, ""), Optional.of(QuestionType.CASE_ANALYSIS), problems);
        assertThat(problems).isEmpty();
    }
}
