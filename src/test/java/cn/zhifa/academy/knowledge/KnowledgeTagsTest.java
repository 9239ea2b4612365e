package cn.zhifa.academy.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.caselibrary.CaseImportService;
import cn.zhifa.academy.caselibrary.TypicalCase;
import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.curriculum.Course;
import cn.zhifa.academy.curriculum.CourseImporter;
import cn.zhifa.academy.curriculum.Lesson;
import cn.zhifa.academy.exam.bank.ImportProblem;
import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionBankService;
import cn.zhifa.academy.exam.bank.QuestionYaml;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Knowledge-point tags of lessons, cases and questions: stored on import (the repository's
 * content is imported at start in tests) and answered by {@link KnowledgePoints}; an unknown tag
 * is an import error with file and line, and nothing is written.
 */
@QuarkusTest
class KnowledgeTagsTest {

    @Inject
    KnowledgePoints points;

    @Inject
    CourseImporter courses;

    @Inject
    CaseImportService cases;

    @Inject
    QuestionBankService bank;

    @Test
    void theRepositoryContentIsTaggedAndLookedUp() {
        long courseId = QuarkusTransaction.requiringNew().call(() -> Course.byCode("TY-XXXJ").orElseThrow().id);
        long lessonId = QuarkusTransaction.requiringNew().call(() -> {
            Course c = Course.byCode("TY-XXXJ").orElseThrow();
            return Lesson.<Lesson> find("courseVersionId = ?1 AND lessonKey = ?2", c.publishedVersionId, "01-bixu-yisong")
                    .firstResult().id;
        });
        long caseId = QuarkusTransaction.requiringNew().call(() -> TypicalCase.byCode("SJ-2025-006").orElseThrow().id);
        long questionId = QuarkusTransaction.requiringNew().call(() -> Question.findByCode("YS-001").orElseThrow().id);

        assertThat(points.courseIdsFor("KP-XINGXING")).contains(courseId);
        assertThat(points.lessonIdsFor("KP-XINGXING")).contains(lessonId);
        assertThat(points.caseIdsFor("KP-XINGXING")).contains(caseId);
        assertThat(points.questionIdsFor("KP-XINGXING")).contains(questionId);
        // and not under a point they are not tagged with
        assertThat(points.lessonIdsFor("KP-SHIPIN")).doesNotContain(lessonId);
        assertThat(points.questionIdsFor("KP-SHIPIN")).doesNotContain(questionId);
        assertThat(points.caseIdsFor("KP-NOPE")).isEmpty();
    }

    @Test
    void anUnknownLessonTagIsAProblemWithFileAndLine() throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target/knowledge-folders")), "courses");
        copy(Path.of("courses/TY-XXXJ"), root.resolve("TY-XXXJ"));
        Path lesson = root.resolve("TY-XXXJ/01-bixu-yisong.md");
        String text = Files.readString(lesson);
        int line = lineOf(text, "knowledge:");
        Files.writeString(lesson, text.replaceFirst("knowledge: \\[", "knowledge: [KP-NOPE, "));

        List<ContentProblem> problems = courses.check(root);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("TY-XXXJ/01-bixu-yisong.md");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("KP-NOPE");
        });
    }

    @Test
    void anUnknownCaseTagStopsTheImportWithFileAndLine() throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target/knowledge-folders")), "cases");
        Path file = Files.createDirectories(root.resolve("shichang")).resolve("SJ-2025-006.md");
        String text = Files.readString(Path.of("case-library/shichang/SJ-2025-006.md"));
        int line = lineOf(text, "knowledge:");
        Files.writeString(file, text.replaceFirst("knowledge: \\[", "knowledge: [KP-NOPE, "));

        assertThatThrownBy(() -> cases.importFolder(root, "test", false))
                .isInstanceOfSatisfying(ContentInvalidException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("shichang/SJ-2025-006.md");
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).contains("KP-NOPE");
                }));
        // nothing written: the case keeps its tags
        long caseId = QuarkusTransaction.requiringNew().call(() -> TypicalCase.byCode("SJ-2025-006").orElseThrow().id);
        assertThat(points.caseIdsFor("KP-XINGXING")).contains(caseId);
    }

    @Test
    void anUnknownQuestionTagIsAProblemWithFileAndLine() {
        String yaml = """
                - code: KT-001
                  knowledge: [KP-LIAN]
                  type: 判断
                  stem: 符合立案标准的，行政机关应当及时立案。
                  answer: true
                  explanation: 依据《中华人民共和国行政处罚法》第五十四条第二款，符合立案标准的，行政机关应当及时立案。
                  law: 行政处罚法
                  articles: [54]
                  domain: 通用
                  difficulty: 1
                  grades: [新任]
                  levels: [镇街]
                - code: KT-002
                  knowledge: [KP-LIAN, KP-NOPE]
                  type: 判断
                  stem: 听证由本案调查人员主持。
                  answer: false
                  explanation: 依据《中华人民共和国行政处罚法》第六十四条，听证由行政机关指定的非本案调查人员主持。
                  law: 行政处罚法
                  articles: [64]
                  domain: 通用
                  difficulty: 1
                  grades: [新任]
                  levels: [镇街]
                """;
        QuestionYaml.Read read = QuestionYaml.file("测试.yaml", yaml);
        assertThat(read.problems()).isEmpty();
        QuestionBankService.Preview preview = bank.preview(read.inputs());
        assertThat(preview.problems()).hasSize(1);
        ImportProblem p = preview.problems().get(0);
        assertThat(p.file()).isEqualTo("测试.yaml");
        assertThat(p.line()).isEqualTo(13);
        assertThat(p.message()).contains("KP-NOPE");
        assertThat(preview.valid()).anySatisfy(v -> assertThat(v.tags()).contains("知识点:KP-LIAN"));
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + prefix);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
