package cn.zhifa.academy.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.ContentProblem;

/** Reading case files: the real folder is valid, and each kind of mistake is named with its line. No database. */
class CaseFileTest {

    static final Set<String> DOMAINS = new LinkedHashSet<>(List.of("综合行政执法", "市场监管", "生态环境", "交通运输", "文化市场",
            "农业农村", "应急管理", "卫生健康", "自然资源", "通用"));

    @Test
    void everyRealCaseFileIsValidAndRoundTrips() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("case-library"), 2)) {
            files = s.filter(p -> p.getNameCount() == 3 && p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).as("at least 24 typical cases").hasSizeGreaterThanOrEqualTo(24);
        Set<String> domains = new HashSet<>();
        for (Path f : files) {
            String rel = Path.of("case-library").relativize(f).toString();
            CaseFile.Parsed p = CaseFile.parse(rel, Files.readString(f), DOMAINS);
            assertThat(p.problems()).as(rel).isEmpty();
            CaseContent c = p.content();
            domains.add(c.domain());
            assertThat(c.legalBasis()).as(rel + " cites statutes by article").isNotEmpty();
            assertThat(c.sections()).as(rel).hasSize(CaseSection.values().length);
            // the canonical Markdown reads back as the same content, so hashes are stable
            CaseFile.Parsed again = CaseFile.parse(rel, c.toMarkdown(), DOMAINS);
            assertThat(again.problems()).as(rel + " canonical form").isEmpty();
            assertThat(again.content()).isEqualTo(c);
            assertThat(again.content().hash()).isEqualTo(c.hash());
        }
        assertThat(domains).as("at least 6 domains").hasSizeGreaterThanOrEqualTo(6);
    }

    /** The fixture dated {@code year}, citing {@code basis} (YAML list items) instead of its own legal basis. */
    private static CaseFile.Parsed citing(int year, String basis) {
        String code = "TY-" + year + "-0001";
        String text = CaseFixtures.file(code, "风筝").replace("date: 2099-01-15", "date: " + year + "-01-15")
                .replace("  - law: 国家赔偿法\n    article: 2\n    note: 测试引用\n", basis);
        return CaseFile.parse("tongyong/" + code + ".md", text, DOMAINS);
    }

    @Test
    void aRepealedLawIsCitedOnlyForEarlierConductAndWithTheLawThatTookItOver() {
        String air = "  - law: 大气污染防治法\n    article: 119\n";
        String code = "  - law: 生态环境法典\n    article: 1131\n";
        // conduct after the 生态环境法典 took effect on 2026-08-15: the repealed law cannot apply
        assertThat(citing(2027, air + code).problems()).extracting(ContentProblem::message)
                .anySatisfy(m -> assertThat(m).contains("大气污染防治法已于 2026-08-15 废止").contains("应当适用生态环境法典"));
        // earlier conduct: allowed, but only alongside the code's corresponding article
        assertThat(citing(2025, air).problems()).extracting(ContentProblem::message)
                .anySatisfy(m -> assertThat(m).contains("只能用于此前的行为").contains("生态环境法典"));
        assertThat(citing(2025, air + code).problems()).isEmpty();
        // the code itself is known, with its 1242 articles
        assertThat(citing(2027, code).problems()).isEmpty();
        assertThat(citing(2027, "  - law: 生态环境法典\n    article: 1243\n").problems()).extracting(ContentProblem::message)
                .anySatisfy(m -> assertThat(m).contains("只有 1242 条"));
    }

    /** The fixture file with one line replaced (1-based), or removed when replacement is null. */
    private static String edit(int line, String replacement) {
        List<String> lines = CaseFixtures.lines(CaseFixtures.file("TY-2099-0001", "风筝"));
        if (replacement == null) {
            lines.remove(line - 1);
        } else {
            lines.set(line - 1, replacement);
        }
        return String.join("\n", lines);
    }

    private static ContentProblem only(String text) {
        List<ContentProblem> problems = CaseFile.parse("tongyong/TY-2099-0001.md", text, DOMAINS).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("tongyong/TY-2099-0001.md");
        return problems.get(0);
    }

    @Test
    void theFixtureItselfIsValid() {
        assertThat(CaseFile.parse("tongyong/TY-2099-0001.md", CaseFixtures.file("TY-2099-0001", "风筝"), DOMAINS).ok()).isTrue();
        List<String> lines = CaseFixtures.lines(CaseFixtures.file("TY-2099-0001", "风筝"));
        assertThat(lines.get(4)).isEqualTo("domain: 通用"); // line 5
        assertThat(lines.get(9)).isEqualTo("  - law: 国家赔偿法"); // line 10
        assertThat(lines.get(29)).isEqualTo("## 裁量说理"); // line 30
    }

    @Test
    void eachKindOfMistakeIsReportedWithItsLine() {
        ContentProblem yaml = CaseFile.parse("tongyong/TY-2099-0001.md", edit(4, "keywords: [风筝, 测试"), DOMAINS)
                .problems().get(0);
        assertThat(yaml.message()).contains("YAML");
        assertThat(yaml.line()).isBetween(4, 6);

        assertThat(only(edit(6, null))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("缺少必填字段“matter”");
        });
        assertThat(only(edit(5, "domain: 城管"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("未知的领域“城管”");
        });
        assertThat(only(edit(7, "caseType: 行政处分"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("未知的案例类型");
        });
        assertThat(only(edit(8, "orgLevel: 省"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("未知的层级");
        });
        assertThat(only(edit(10, "  - law: 行政处罚条例"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("未知的法律名称“行政处罚条例”");
        });
        assertThat(only(edit(11, "    article: 99"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("国家赔偿法只有 42 条").contains("第九十九条");
        });
        assertThat(CaseFile.parse("tongyong/TY-2099-0001.md", edit(11, "    article: 第二条"), DOMAINS).ok())
                .as("Chinese numerals are fine").isTrue();
    }

    @Test
    void moreMistakes() {
        assertThat(only(edit(30, null))).satisfies(p -> { // the 裁量说理 heading removed: its text joins 处理结果
            assertThat(p.message()).contains("缺少正文部分“裁量说理”");
            assertThat(p.line()).as("where it belongs: before 程序要点").isEqualTo(33);
        });
        assertThat(CaseFile.parse("tongyong/TY-2099-0001.md", edit(30, "## 其他"), DOMAINS).problems())
                .extracting(ContentProblem::toString).containsExactly(
                        "tongyong/TY-2099-0001.md:30: 未知的二级标题“其他”；案例正文只能有：" + CaseSections.headings(),
                        "tongyong/TY-2099-0001.md:34: 缺少正文部分“裁量说理”");
        assertThat(only(edit(2, "code: TY-2099-0002"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("文件名应与编号一致");
        });
        assertThat(CaseFile.parse("tongyong/ty-99-1.md", edit(2, "code: ty-99-1"), DOMAINS).problems())
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("格式不对");
                });
        assertThat(only(edit(15, "date: 2099-13-40"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.message()).contains("ISO");
        });
        assertThat(only(edit(15, "date: 2098-01-15"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("年份");
        });
        assertThat(only(edit(14, "source: 自动化测试\nauthor: 某人"))).satisfies(p -> {
            assertThat(p.line()).as("the unknown key's line").isEqualTo(15);
            assertThat(p.message()).contains("未知字段“author”");
        });
        assertThat(only(edit(17, "前言不应出现在这里"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(17);
            assertThat(p.message()).contains("正文应从二级标题");
        });
        assertThat(only(edit(4, "keywords: 风筝"))).satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("应为列表");
        });
        assertThat(CaseFile.parse("tongyong/TY-2099-0001.md", "no front matter", DOMAINS).problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }
}
