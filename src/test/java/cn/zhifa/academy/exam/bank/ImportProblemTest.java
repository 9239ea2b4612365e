package cn.zhifa.academy.exam.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.error.ErrorTexts;

/** Problems of a question import carry a key: Chinese by default, English when asked (a plain unit test). */
class ImportProblemTest {

    @Test
    void aKeyedProblemIsShownInTheReadersLanguage() {
        ImportProblem p = ImportProblem.of("bank.yaml", 7, "选项", "question.options_count",
                ErrorTexts.key("question.type.SINGLE"), 1);
        assertThat(p.message()).isEqualTo("单选题需要 2–8 个选项，现有 1 个");
        assertThat(p.text(Locale.ENGLISH)).isEqualTo("Single choice questions need 2–8 options, this one has 1");
        assertThat(p).hasToString("bank.yaml:第7行 选项：单选题需要 2–8 个选项，现有 1 个");
        assertThat(p.at(null, 9, "D–I（选项）")).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::message)
                .containsExactly(9, "D–I（选项）", "单选题需要 2–8 个选项，现有 1 个");
    }

    @Test
    void aProblemThatIsAlreadyTextStaysAsItIs() {
        ImportProblem p = new ImportProblem(null, 1, "", "Something the reader already reads");
        assertThat(p.message()).isEqualTo("Something the reader already reads");
        assertThat(p.text(Locale.ENGLISH)).isEqualTo("Something the reader already reads");
    }

    @Test
    void theRefusalSummarisesInTheReadersLanguage() {
        QuestionImportException e = new QuestionImportException(
                java.util.List.of(ImportProblem.of(null, 3, "答案", "question.letter_invalid", "E")));
        assertThat(e.getMessage()).isEqualTo("1 处错误，未导入任何题目。");
        assertThat(e.errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("3:答案");
            assertThat(f.text(ErrorTexts.currentLocale())).isEqualTo("“E”不是有效的选项字母");
        });
    }

    /** Every key the question formats name a problem with is in the errors bundle, in both languages. */
    @Test
    void everyProblemKeyOfTheQuestionFormatsIsInTheBundle() throws IOException {
        Pattern key = Pattern.compile("\"((?:question|answer|kpfile)\\.[a-z_]+(?:\\.[a-z_]+)*)\"");
        Set<String> used = new TreeSet<>();
        for (String dir : new String[] { "src/main/java/cn/zhifa/academy/exam", "src/main/java/cn/zhifa/academy/knowledge" }) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(x -> x.getFileName().toString().matches(
                        "(Question(Word|Xlsx|Keys|Rules|Targeting|Citations|Imports|WordImports|Yaml|Form|Pool|ImportException)"
                                + "|AnswerMapping|ImportProblem|KnowledgePointFile|KnowledgePoints)\\.java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        // format words (formats/question-fields.properties) are no message keys
        used.removeIf(k -> k.startsWith("answer.true") || k.startsWith("answer.false") || k.equals("answer.alternatives")
                || k.equals("answer.letter_separators"));
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(used).allSatisfy(k -> assertThat(ErrorTexts.has(k)).as(k).isTrue());
        for (QuestionType t : QuestionType.values()) {
            assertThat(ErrorTexts.has(t.errorKey())).as(t.name()).isTrue();
        }
    }
}
