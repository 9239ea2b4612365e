package cn.zhifa.academy.exam.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.error.InvalidException;

/** Issue 11 item 7: the answer mapping on its own, without a database (a plain unit test). */
class AnswerMappingTest {

    private static QuestionCache.Q q(QuestionType type, List<String> options, List<String> key) {
        return new QuestionCache.Q(1, "Q1", 1, type, "<p>题干</p>", options, key, null, List.of(), null, null, null, "TY", 1);
    }

    /** Displayed option i is original option order[i]. */
    private static AttemptItem item(String order, String answerJson) {
        AttemptItem i = new AttemptItem();
        i.optionOrder = order;
        i.answerJson = answerJson;
        return i;
    }

    private static final List<String> OPTIONS = List.of("甲", "乙", "丙", "丁");

    @Test
    void choicesAreShownInTheCandidatesOrderAndStoredCanonically() {
        QuestionCache.Q single = q(QuestionType.SINGLE, OPTIONS, List.of("2"));
        AttemptItem i = item("2,0,3,1", null);
        assertThat(AnswerMapping.displayedOptions(single, i)).containsExactly("丙", "甲", "丁", "乙");
        assertThat(AnswerMapping.optionOrder(i)).containsExactly(2, 0, 3, 1);
        // the candidate picks the first option shown: original option 2
        assertThat(AnswerMapping.canonical(single, i, List.of("0"))).containsExactly("2");
        QuestionCache.Q multiple = q(QuestionType.MULTIPLE, OPTIONS, List.of("1", "2"));
        // shown 3 and 0 are originals 1 and 2, stored sorted
        assertThat(AnswerMapping.canonical(multiple, i, List.of("3", "0"))).containsExactly("1", "2");
    }

    @Test
    void aStoredAnswerComesBackInTheOrderTheCandidateSawAndSoDoesTheKey() {
        QuestionCache.Q multiple = q(QuestionType.MULTIPLE, OPTIONS, List.of("1", "2"));
        AttemptItem i = item("2,0,3,1", "[\"1\",\"2\"]");
        List<String> shown = AnswerMapping.displayedAnswer(multiple, i);
        assertThat(shown).containsExactly("0", "3");
        // the re-fetch maps plain rows, not entities: the same answer and order
        assertThat(AnswerMapping.displayedAnswer(multiple, "2,0,3,1", "[\"1\",\"2\"]")).containsExactly("0", "3");
        assertThat(AnswerMapping.optionOrder("2,0,3,1")).containsExactly(2, 0, 3, 1);
        assertThat(AnswerMapping.displayedAnswer(multiple, "2,0,3,1", null)).isEmpty();
        assertThat(AnswerMapping.answerText(multiple, i, shown)).isEqualTo("AD");
        assertThat(AnswerMapping.keyText(multiple, i)).isEqualTo("AD");
        // another permutation, the same stored answer: other letters
        AttemptItem j = item("0,1,2,3", "[\"1\",\"2\"]");
        assertThat(AnswerMapping.keyText(multiple, j)).isEqualTo("BC");
        // mapping back gives what was stored
        assertThat(AnswerMapping.canonical(multiple, i, shown)).isEqualTo(i.answer());
    }

    @Test
    void malformedChoicesAreRefused() {
        QuestionCache.Q single = q(QuestionType.SINGLE, OPTIONS, List.of("2"));
        AttemptItem i = item("2,0,3,1", null);
        assertThatThrownBy(() -> AnswerMapping.canonical(single, i, List.of("0", "1")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("单选题只能选一项");
        assertThatThrownBy(() -> AnswerMapping.canonical(single, i, List.of("4")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("没有这个选项");
        assertThatThrownBy(() -> AnswerMapping.canonical(single, i, List.of("B")))
                .isInstanceOf(InvalidException.class).hasMessageContaining("选项应为序号");
    }

    @Test
    void trueFalseAndTextAnswers() {
        QuestionCache.Q tf = q(QuestionType.TRUE_FALSE, List.of(), List.of("1"));
        AttemptItem none = item("", null);
        assertThat(AnswerMapping.canonical(tf, none, List.of("0"))).containsExactly("0");
        assertThatThrownBy(() -> AnswerMapping.canonical(tf, none, List.of("2"))).isInstanceOf(InvalidException.class);
        assertThat(AnswerMapping.answerText(tf, none, List.of("1"))).isEqualTo("对");
        assertThat(AnswerMapping.keyText(tf, none)).isEqualTo("对");

        QuestionCache.Q fill = q(QuestionType.FILL, List.of(), List.of("行政处罚", "处罚"));
        assertThat(AnswerMapping.canonical(fill, none, List.of("  "))).isEmpty();
        assertThat(AnswerMapping.canonical(fill, none, null)).isEmpty();
        assertThat(AnswerMapping.canonical(fill, none, List.of("行政处罚"))).containsExactly("行政处罚");
        assertThat(AnswerMapping.keyText(fill, none)).isEqualTo("行政处罚 / 处罚");
        assertThatThrownBy(() -> AnswerMapping.canonical(fill, none, List.of("a", "b"))).isInstanceOf(InvalidException.class);
        assertThatThrownBy(() -> AnswerMapping.canonical(fill, none, List.of("字".repeat(AnswerMapping.MAX_TEXT + 1))))
                .isInstanceOf(InvalidException.class);
        assertThat(AnswerMapping.canonical(fill, none, List.of("字".repeat(AnswerMapping.MAX_TEXT)))).hasSize(1);
    }
}
