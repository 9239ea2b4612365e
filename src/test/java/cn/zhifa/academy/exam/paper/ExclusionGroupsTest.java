package cn.zhifa.academy.exam.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.ExclusionGroups;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionInput;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionYaml;

/**
 * Exclusion groups (互斥组) in paper drawing: the blueprint's sections are drawn as on exam day
 * ({@link Papers#draw}), and no paper ever holds two questions of one group, while each member
 * of a group still gets drawn. No database: the question cache is a stub.
 */
class ExclusionGroupsTest {

    /** Version id → group (null: none); every question is a choice question with four options. */
    static Papers papers(Map<Long, String> groups) {
        Papers p = new Papers();
        p.questions = new QuestionCache() {
            @Override
            public Q get(long versionId) {
                return new Q(versionId, "Q-" + versionId, 1, QuestionType.SINGLE, "", List.of("a", "b", "c", "d"),
                        List.of("A"), null, List.of(), "", "行政处罚法", "1", "TY", 1, groups.get(versionId));
            }
        };
        return p;
    }

    static Papers.SectionSpec section(int position, QuestionType type, int count, Long... pool) {
        return new Papers.SectionSpec(position, type, count, BigDecimal.ONE, BigDecimal.ZERO, List.of(pool), false);
    }

    @Test
    void aBankGroupBecomesATagAndBack() {
        assertThat(ExclusionGroups.tag(" 追责时效 ")).isEqualTo("互斥组:追责时效");
        assertThat(ExclusionGroups.of("镇街高频,互斥组:追责时效")).isEqualTo("追责时效");
        assertThat(ExclusionGroups.of("镇街高频")).isNull();
        assertThat(ExclusionGroups.of("")).isNull();
        QuestionInput in = QuestionYaml.file("t.yaml", """
                - code: CF-900
                  type: 判断
                  stem: 测试
                  answer: true
                  tags: [镇街高频]
                  group: 追责时效
                """).inputs().get(0);
        assertThat(in.tags()).containsExactly("镇街高频", "互斥组:追责时效");
    }

    @Test
    void pickTakesOneMemberPerGroupAndRemembersTheGroupsOnThePaper() {
        Map<Long, String> g = Map.of(1L, "A", 2L, "A", 3L, "B");
        Set<String> onPaper = new HashSet<>(Set.of("B"));
        assertThat(ExclusionGroups.admissible(List.of(2L, 1L, 3L, 4L), g::get, onPaper)).containsExactly(2L, 4L);
        assertThat(ExclusionGroups.pick(List.of(2L, 1L, 3L, 4L, 5L), 2, g::get, onPaper)).containsExactly(2L, 4L);
        assertThat(onPaper).containsExactlyInAnyOrder("A", "B");
        assertThat(ExclusionGroups.pick(List.of(1L, 3L), 2, g::get, onPaper)).isEmpty();
    }

    @Test
    void noPaperHoldsTwoMembersOfAGroupAcrossSectionsAndEveryMemberIsDrawn() {
        Map<Long, String> groups = new HashMap<>(Map.of(1L, "追责时效", 2L, "追责时效", 3L, "加处罚款", 4L, "加处罚款",
                7L, "追责时效", 8L, "加处罚款"));
        Papers papers = papers(groups);
        // 单选 3 of six (two groups of two), then 填空 2 of four, two of which share those groups
        Papers.Spec spec = new Papers.Spec(1, true, true, List.of(
                section(1, QuestionType.SINGLE, 3, 1L, 2L, 3L, 4L, 5L, 6L),
                section(2, QuestionType.FILL, 2, 7L, 8L, 9L, 10L)));
        Set<Long> seen = new HashSet<>();
        for (int seed = 0; seed < 400; seed++) {
            List<Papers.Drawn> paper = papers.draw(spec, new Random(seed));
            assertThat(paper).hasSize(5);
            Map<String, Long> byGroup = new HashMap<>();
            for (Papers.Drawn d : paper) {
                seen.add(d.versionId());
                String g = groups.get(d.versionId());
                if (g != null) {
                    Long other = byGroup.put(g, d.versionId());
                    assertThat(other).as("seed %d: %s and %s are both in %s", seed, other, d.versionId(), g).isNull();
                }
            }
        }
        assertThat(seen).as("each member of a group still reaches some papers").contains(1L, 2L, 3L, 4L, 7L, 8L);
    }

    @Test
    void aSectionThatOnlyOneGroupCouldFillIsRefusedNotFilledWithTwins() {
        Papers papers = papers(Map.of(1L, "G", 2L, "G", 3L, "G"));
        Papers.Spec spec = new Papers.Spec(2, false, false, List.of(section(1, QuestionType.SINGLE, 2, 1L, 2L, 3L)));
        assertThatThrownBy(() -> papers.draw(spec, new Random(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot fill section 1");
    }
}
