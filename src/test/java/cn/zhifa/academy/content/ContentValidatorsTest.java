package cn.zhifa.academy.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three content validators (question bank, courses, case library) pass on the repository,
 * know the law registry courses/laws.yaml, and refuse what they exist to refuse. They are
 * Python scripts; this runs them as a developer would, with the statute texts in ../shared/law
 * beside the checkout (or ACADEMY_LAW_DIR). No database.
 */
class ContentValidatorsTest {

    static final String BANK = "courses/question-bank/validate.py";
    static final String COURSES = "courses/tools/validate.py";
    static final String CASES = "courses/tools/validate_cases.py";

    private Path copy;

    record Run(int exit, String output) {
    }

    static Path lawDir() {
        String env = System.getenv("ACADEMY_LAW_DIR");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "law");
        assertThat(dir.resolve("行政处罚法.md")).as("statute texts (../shared/law beside the checkout, or ACADEMY_LAW_DIR)")
                .exists();
        return dir.toAbsolutePath().normalize();
    }

    static Run run(Path root, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", root.toAbsolutePath().resolve(script).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(script + " finishes").isTrue();
        assertThat(p.exitValue()).as(script + " ran (exit 2 only when the law folder is missing)\n" + out).isIn(0, 1, 2);
        return new Run(p.exitValue(), out);
    }

    static Run bank(Path root, Path laws) throws IOException, InterruptedException {
        return run(root, BANK, laws.toString());
    }

    static Run courses(Path root, Path laws) throws IOException, InterruptedException {
        return run(root, COURSES, "--law-dir", laws.toString());
    }

    static Run cases(Path root, Path laws) throws IOException, InterruptedException {
        return run(root, CASES, "--law-dir", laws.toString());
    }

    /** courses/ and case-library/ copied to a scratch folder, to be spoiled. */
    Path scratch() throws IOException {
        copy = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "content");
        for (String dir : List.of("courses", "case-library")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".mp4")).toList()) {
                    Path to = copy.resolve(f.toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        return copy;
    }

    @AfterEach
    void clean() throws IOException {
        if (copy != null) {
            try (Stream<Path> s = Files.walk(copy)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void allThreePassOnTheRepository() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path laws = lawDir();
        Run bank = bank(root, laws);
        assertThat(bank.exit()).as(bank.output()).isZero();
        assertThat(bank.output()).contains("校验通过");
        Run courses = courses(root, laws);
        assertThat(courses.exit()).as(courses.output()).isZero();
        assertThat(courses.output()).contains("校验通过");
        Run cases = cases(root, laws);
        assertThat(cases.exit()).as(cases.output()).isZero();
        assertThat(cases.output()).contains("校验通过");
    }

    @Test
    void withoutTheStatuteTextsTheySayWhereToFindThemAndStop() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path missing = root.resolve("target/no-such-law-dir");
        for (Run r : List.of(bank(root, missing), courses(root, missing), cases(root, missing))) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.output()).contains("找不到法律文本目录").contains("../shared/law");
        }
    }

    @Test
    void aCaseCitingARepealedLawForLaterConductOrWithoutTheCodeIsRefused() throws Exception {
        Path root = scratch();
        Path laws = lawDir();
        // ZH-2025-003 cites 大气污染防治法 for 2025 conduct, with the 生态环境法典's articles: fine; without them: refused
        Path zh = root.resolve("case-library/zonghe/ZH-2025-003.md");
        String text = Files.readString(zh);
        Files.writeString(zh, text.replaceAll("(?m)^  - law: 生态环境法典\\n    article: \\d+\\n    note: .*\\n", ""));
        Run r = cases(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("ZH-2025-003.md: 引用已废止的《大气污染防治法》，legalBasis 中须同时列出《生态环境法典》");
        // the same case dated after the repeal: the repealed law no longer applies
        Files.writeString(zh, text.replace("code: ZH-2025-003", "code: ZH-2026-003").replace("date: 2025-", "date: 2026-09-01\n#"));
        Files.move(zh, zh.resolveSibling("ZH-2026-003.md"));
        r = cases(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("《大气污染防治法》已于 2026-08-15 废止，2026-09-01 的行为应当适用《生态环境法典》")
                .contains("README.md: 案例清单缺少 ZH-2026-003");
    }

    @Test
    void aLessonOrQuestionCitingARepealedLawWithoutItsSuccessorIsRefused() throws Exception {
        Path root = scratch();
        Path laws = lawDir();
        Path lesson = root.resolve("courses/ZH-ZJGP/03-laji-zhatu.md");
        // the lesson names the 生态环境法典 in its 依据 line; a paragraph of its own citing the repealed law is refused
        replace(lesson, "**对个人**：", "依据《中华人民共和国固体废物污染环境防治法》第四十九条处理。\n\n**对个人**：");
        Run r = courses(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("引用已于 2026-08-15 废止的《固体废物污染环境防治法》");

        // a case-analysis question on the repealed 大气污染防治法 needs conductDate before the repeal
        Path analysis = root.resolve("courses/question-bank/案例分析.yaml");
        String text = Files.readString(analysis);
        Files.writeString(analysis, text.replaceFirst("(?m)^  law: 行政强制法\\n  articles: \\[18, 19,.*$",
                "  law: 大气污染防治法\n  articles: [119]"));
        r = bank(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("AL-002: 《大气污染防治法》已于 2026-08-15 废止");
    }

    @Test
    void nearDuplicatesMustShareAnExclusionGroupAndGroupsNeedTwoMembers() throws Exception {
        Path root = scratch();
        Path laws = lawDir();
        Path cf = root.resolve("courses/question-bank/行政处罚法.yaml");
        replace(cf, "- code: CF-093\n  knowledge: [KP-JUEDING, KP-LIAN]\n  group: 处罚决定期限九十日\n",
                "- code: CF-093\n  knowledge: [KP-JUEDING, KP-LIAN]\n");
        Run r = bank(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("CF-016: likely near-duplicate of CF-093")
                .contains("处罚决定期限九十日: exclusion group has only one member");
    }

    @Test
    void anUnknownKnowledgePointTagIsRefusedByAllThree() throws Exception {
        Path root = scratch();
        Path laws = lawDir();
        replace(root.resolve("courses/question-bank/行政处罚法.yaml"), "- code: CF-001\n  knowledge: [KP-ZHUTI]",
                "- code: CF-001\n  knowledge: [KP-ZHUTI, KP-NO-SUCH]");
        replace(root.resolve("courses/TY-XXXJ/02-shixian-cailiao.md"), "knowledge: [", "knowledge: [KP-NO-LESSON, ");
        replace(root.resolve("case-library/shichang/SJ-2025-006.md"), "knowledge: [", "knowledge: [KP-NO-CASE, ");
        Run bank = bank(root, laws);
        assertThat(bank.exit()).isEqualTo(1);
        assertThat(bank.output()).contains("CF-001: 未知的知识点 'KP-NO-SUCH'");
        Run courses = courses(root, laws);
        assertThat(courses.exit()).isEqualTo(1);
        assertThat(courses.output()).contains("TY-XXXJ/02-shixian-cailiao.md: 未知的知识点 'KP-NO-LESSON'");
        Run cases = cases(root, laws);
        assertThat(cases.exit()).isEqualTo(1);
        assertThat(cases.output()).contains("shichang/SJ-2025-006.md: 未知的知识点 'KP-NO-CASE'");
        // a broken taxonomy is reported by each of them too
        replace(root.resolve("courses/knowledge-points.yaml"), "parent: KP-CHENGXU, articles: [行政处罚法第54条",
                "parent: KP-NOWHERE, articles: [行政处罚法第54条");
        assertThat(cases(root, laws).output()).contains("KP-LIAN 的上级 KP-NOWHERE 不存在");
    }

    @Test
    void theReadmeCountsMustMatchTheFiles() throws Exception {
        Path root = scratch();
        Path laws = lawDir();
        Files.delete(root.resolve("case-library/tongyong/TY-2025-002.md"));
        Run r = cases(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("README.md: 案例清单中的 TY-2025-002 没有文件").contains("README.md: 写的是共");

        replace(root.resolve("courses/README.md"), "| TY-FZRY | 执法辅助人员的职责边界 | 通用 | 5 |",
                "| TY-FZRY | 执法辅助人员的职责边界 | 通用 | 6 |");
        r = courses(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("README.md: TY-FZRY 一行");

        Path bankReadme = root.resolve("courses/question-bank/README.md");
        String text = Files.readString(bankReadme);
        Files.writeString(bankReadme, text.replaceFirst("客观题 (\\d+) 道", "客观题 1 道"));
        r = bank(root, laws);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("README.md: 应写明“客观题");
    }
}
