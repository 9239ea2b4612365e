package cn.zhifa.academy.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;

/** Article numbers in any numerals, in queries and in case text; no database. */
class CitationsTest {

    @Test
    void chineseNumeralsBothWays() {
        int[] numbers = { 1, 9, 10, 11, 15, 20, 33, 44, 57, 99, 100, 101, 103, 110, 119, 124, 154, 200, 1000, 1005, 1010, 2024 };
        String[] chinese = { "一", "九", "十", "十一", "十五", "二十", "三十三", "四十四", "五十七", "九十九", "一百", "一百零一",
                "一百零三", "一百一十", "一百一十九", "一百二十四", "一百五十四", "二百", "一千", "一千零五", "一千零一十", "二千零二十四" };
        for (int i = 0; i < numbers.length; i++) {
            assertThat(ChineseNumerals.format(numbers[i])).as("format %d", numbers[i]).isEqualTo(chinese[i]);
            assertThat(ChineseNumerals.parse(chinese[i])).as("parse %s", chinese[i]).isEqualTo(numbers[i]);
        }
        assertThat(ChineseNumerals.parse("两百")).isEqualTo(200);
        assertThat(ChineseNumerals.parse("一十五")).isEqualTo(15);
        for (String bad : new String[] { "", "三三", "十百", "零", "一百三", "百", "三方", "一百十" }) {
            assertThat(ChineseNumerals.parse(bad)).as(bad).isEqualTo(-1);
        }
        for (int n = 1; n <= 2000; n++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).as("round trip %d", n).isEqualTo(n);
        }
        assertThat(ChineseNumerals.article(33)).isEqualTo("第三十三条");
    }

    private static List<String> tokens(String query) {
        return Citations.inQuery(Citations.normalise(query)).stream().map(Citations.Ref::token).toList();
    }

    @Test
    void queriesCiteArticlesHoweverTheyAreWritten() {
        assertThat(tokens("行政处罚法 第三十三条")).containsExactly("行政处罚法#33");
        assertThat(tokens("行政处罚法第33条")).containsExactly("行政处罚法#33");
        assertThat(tokens("《中华人民共和国行政处罚法》第三十三条")).containsExactly("行政处罚法#33");
        assertThat(tokens("处罚法33条")).containsExactly("行政处罚法#33");
        assertThat(tokens("处罚法 33")).containsExactly("行政处罚法#33");
        assertThat(tokens("处罚法３３条")).as("full-width digits").containsExactly("行政处罚法#33");
        assertThat(tokens("强制法第二十五条、第二十八条")).containsExactly("行政强制法#25", "行政强制法#28");
        assertThat(tokens("第33条")).containsExactly("#33");
        assertThat(tokens("第三十三条 首违")).containsExactly("#33");
        assertThat(tokens("33条")).containsExactly("#33");
        assertThat(tokens("第一百二十四条")).containsExactly("#124");
        // not articles
        assertThat(tokens("第三方 越权")).isEmpty();
        assertThat(tokens("第一次 违法")).isEmpty();
        assertThat(tokens("三书同达")).isEmpty();
        assertThat(tokens("行政处罚法")).isEmpty();
    }

    @Test
    void caseTextCitationsIncludeListsAndSubdivisions() {
        assertThat(Citations.inText("依据《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项，决定不予行政处罚"))
                .containsExactly("行政处罚法#33", "行政处罚法#57");
        assertThat(Citations.inText("违反《中华人民共和国食品安全法》第三十四条第十项和第五十四条第一款规定"))
                .containsExactly("食品安全法#34", "食品安全法#54");
        assertThat(Citations.inText("行政强制法第二十五条规定的期限")).containsExactly("行政强制法#25");
        assertThat(Citations.inText("依照第三十三条第三款载明教育内容")).as("no statute named").isEmpty();
        assertThat(Citations.inText("治安管理处罚法第十条")).containsExactly("治安管理处罚法#10");
    }

    @Test
    void lawsByNameFullNameOrAlias() {
        assertThat(Laws.find("处罚法")).get().extracting(Laws.Law::name).isEqualTo("行政处罚法");
        assertThat(Laws.find("《中华人民共和国行政强制法》")).get().extracting(Laws.Law::name).isEqualTo("行政强制法");
        assertThat(Laws.find("行政处罚条例")).isEmpty();
        assertThat(Laws.find("行政处罚法").orElseThrow().cite(33)).isEqualTo("《中华人民共和国行政处罚法》第三十三条");
    }
}
