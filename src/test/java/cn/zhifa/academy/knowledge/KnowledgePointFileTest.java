package cn.zhifa.academy.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;

/**
 * The taxonomy file courses/knowledge-points.yaml: the repository's file is valid, holds the
 * enforcement stages, the 评查标准 dimensions and the legal topics of issue 14, and every article
 * it cites exists in the statute text (../shared/law); broken files are refused with file and line.
 * No database.
 */
class KnowledgePointFileTest {

    static final Path FILE = Path.of("courses/knowledge-points.yaml");

    @Test
    void theRepositoryTaxonomyIsValidAndComplete() throws IOException {
        KnowledgePointFile.Taxonomy t = KnowledgePointFile.parse(FILE.toString(), Files.readString(FILE));
        assertThat(t.version()).isPositive();
        Map<String, KnowledgePoint> byName = t.points().stream()
                .collect(Collectors.toMap(KnowledgePoint::name, Function.identity()));
        for (String stage : List.of("立案", "调查取证", "告知与陈述申辩", "听证", "法制审核", "集体讨论", "决定", "送达", "执行",
                "裁量", "文书制作", "移送", "执法公示", "全过程记录")) {
            assertThat(byName).as(stage).containsKey(stage);
            assertThat(byName.get(stage).kind()).as(stage).isEqualTo(KnowledgePoint.STAGE);
        }
        for (String dimension : List.of("主体资格", "事实证据", "法律适用", "程序", "文书制作", "裁量", "归档")) {
            assertThat(byName).as("评查维度 " + dimension).containsKey(dimension);
        }
        for (String topic : List.of("行政许可", "行政强制", "行政复议", "行政诉讼", "国家赔偿", "政府信息公开", "食品安全", "城乡规划与拆违",
                "土地管理", "征收与补偿", "行刑衔接", "信用评价与第三方监管", "责任制考核", "镇街赋权", "一件事与进一次门", "三书同达与说理式执法",
                "生态环境")) {
            assertThat(byName).as("专题 " + topic).containsKey(topic);
        }
        assertThat(t.points()).allSatisfy(p -> assertThat(p.articles()).as(p.code()).isNotEmpty());
    }

    @Test
    void everyCitedArticleExistsInTheStatuteText() throws IOException {
        Path lawDir = Path.of(System.getenv().getOrDefault("ACADEMY_LAW_DIR", "../shared/law"));
        assertThat(lawDir).as("statute texts beside the checkout").isDirectory();
        KnowledgePointFile.Taxonomy t = KnowledgePointFile.parse(FILE.toString(), Files.readString(FILE));
        int checked = 0;
        for (KnowledgePoint p : t.points()) {
            for (String ref : p.articles()) {
                Matcher m = KnowledgePointFile.ARTICLE.matcher(ref);
                assertThat(m.matches()).as(ref).isTrue();
                Laws.Law law = Laws.find(m.group(1)).orElseThrow();
                Path text = lawDir.resolve(law.name() + ".md");
                assertThat(text).as(p.code() + " cites " + ref + ": the statute text is kept").exists();
                String heading = ChineseNumerals.article(Integer.parseInt(m.group(2)));
                assertThat(Files.readString(text)).as(p.code() + " cites " + ref)
                        .containsPattern("(?m)^" + heading + "[ 　]");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void duplicateCodesBadParentsAndUnknownArticlesAreRefusedWithTheirLine() {
        String yaml = """
                version: 2
                points:
                  - {code: KP-A, name: 甲, kind: stage, articles: [行政处罚法第54条]}
                  - {code: KP-A, name: 乙, kind: topic, articles: [行政处罚法第54条]}
                  - {code: KP-B, name: 丙, kind: topic, parent: KP-NONE, articles: [行政处罚法第54条]}
                  - {code: kp-c, name: 丁, kind: topic, articles: [行政处罚法第54条]}
                  - {code: KP-D, name: 戊, kind: phase, articles: [行政处罚法第87条]}
                  - code: KP-E
                    name: 己
                    kind: topic
                    articles:
                      - 没有这部法第1条
                      - 大气污染防治法第10条
                """;
        assertThatThrownBy(() -> KnowledgePointFile.parse("kp.yaml", yaml))
                .isInstanceOfSatisfying(ContentInvalidException.class, e -> {
                    List<String> shown = e.problems().stream().map(ContentProblem::toString).toList();
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:4:").contains("KP-A", "重复"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:5:").contains("KP-NONE", "不存在"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:6:").contains("kp-c"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:7:").contains("phase"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:7:").contains("第87条"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:12:").contains("不在法律登记表"));
                    assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("kp.yaml:13:").contains("废止", "生态环境法典"));
                });
    }

    @Test
    void aParentCycleIsRefused() {
        String yaml = """
                version: 1
                points:
                  - {code: KP-A, name: 甲, kind: topic, parent: KP-B, articles: [行政处罚法第1条]}
                  - {code: KP-B, name: 乙, kind: topic, parent: KP-A, articles: [行政处罚法第1条]}
                """;
        assertThatThrownBy(() -> KnowledgePointFile.parse("kp.yaml", yaml))
                .isInstanceOfSatisfying(ContentInvalidException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString()).contains("kp.yaml:3:", "循环")));
    }
}
