package cn.zhifa.academy.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatWordsTest {

    private final FormatWords words = FormatWords.of("fw-sample");

    @Test
    void readsUtf8WordsArgumentsAndLists() {
        assertThat(words.get("answer")).isEqualTo("答案：");
        assertThat(words.get("row", 12)).isEqualTo("第12行");
        assertThat(words.list("yes")).containsExactly("是", "对", "√");
        assertThat(FormatWords.of("fw-sample")).isSameAs(words);
    }

    @Test
    void aMissingWordOrFormatFailsLoudly() {
        assertThatThrownBy(() -> words.get("nope")).hasMessageContaining("fw-sample.properties has no nope");
        assertThatThrownBy(() -> FormatWords.of("no-such-format")).hasMessageContaining("missing formats/no-such-format");
    }
}
