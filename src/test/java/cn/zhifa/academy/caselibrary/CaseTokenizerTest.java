package cn.zhifa.academy.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tokens for the index and queries for what officers type; no database. */
class CaseTokenizerTest {

    @Test
    void documentsCarryWordsBigramsAndCitationsWithWeights() {
        String doc = new CaseTokenizer.Document().lexeme("SJ-2025-001", 'A').text("超市销售少量过期食品", 'A')
                .text("依据《中华人民共和国行政处罚法》第三十三条", 'C').toTsvector();
        assertThat(doc).contains("'sj-2025-001':1A", "'过期':", "'食品':", "'期食':", "'行政处罚法#33':", "'#33':");
        assertThat(doc).as("single characters are not indexed").doesNotContain("'少':", "'超':");
        assertThat(doc).containsPattern("'过期':\\d+A");
        assertThat(doc).containsPattern("'行政处罚法#33':\\d+C");
    }

    @Test
    void positionsStayWithinTsvectorLimits() {
        CaseTokenizer.Document d = new CaseTokenizer.Document();
        d.text("执法".repeat(20_000), 'C');
        String v = d.toTsvector();
        assertThat(v).doesNotContain(":16384").doesNotContain(":20000");
        String entry = v.substring(v.indexOf("'执法':"));
        entry = entry.contains(" ") ? entry.substring(0, entry.indexOf(' ')) : entry;
        int positions = entry.split(",").length;
        assertThat(positions).isLessThanOrEqualTo(CaseTokenizer.MAX_POSITIONS_PER_LEXEME);
    }

    @Test
    void lexemesAreQuotedSafely() {
        assertThat(new CaseTokenizer.Document().lexeme("it's a \\test", 'B').toTsvector()).isEqualTo("'it''s a \\\\test':1B");
        assertThat(TsQuery.quote("a'b")).isEqualTo("'a''b'");
    }

    @Test
    void typedTermsBecomeQueries() {
        assertThat(CaseTokenizer.query("过期食品 首违").orElseThrow().allText()).isEqualTo("'过期' & '食品' & '首违'");
        assertThat(CaseTokenizer.query("占道经营").orElseThrow().allText()).isEqualTo("'占道' & '经营'");
        assertThat(CaseTokenizer.query("三书同达").orElseThrow().allText()).isEqualTo("'三书' & '同达'");
        assertThat(CaseTokenizer.query("行政处罚法 第三十三条").orElseThrow().allText()).isEqualTo("'行政处罚法#33'");
        assertThat(CaseTokenizer.query("第33条").orElseThrow().allText()).isEqualTo("'#33'");
        assertThat(CaseTokenizer.query("罚").orElseThrow().allText()).isEqualTo("'罚':*");
        assertThat(CaseTokenizer.query("sj-2025-001").orElseThrow().allText()).isEqualTo("'sj-2025-001'");
        CaseTokenizer.Parsed p = CaseTokenizer.query("过期食品 首违").orElseThrow();
        assertThat(p.anyText()).isEqualTo("('过期' & '食品') | '首违'");
        assertThat(p.rankText()).contains("'期食'"); // the phrase intact ranks higher
        assertThat(p.highlights()).contains("过期食品", "首违");
        assertThat(CaseTokenizer.query("  ，。 ")).isEmpty();
        assertThat(CaseTokenizer.query(null)).isEmpty();
    }

    @Test
    void aNegationIsIndexedOnItsOwnSoThatWordsApartMatchCheaply() {
        // issue 16: 未告知 against 未依法告知 — the negation is one lexeme wherever it occurs, and the query
        // matches it exactly instead of as a prefix ('未':* made the index merge every lexeme starting with 未)
        String doc = new CaseTokenizer.Document().text("执法人员未依法告知当事人", 'C').toTsvector();
        assertThat(doc).containsPattern("'未':\\d+C").contains("'告知':");
        assertThat(doc).as("other single characters are still not indexed").doesNotContain("'依':", "'当':");
        String q = CaseTokenizer.query("未告知").orElseThrow().allText();
        assertThat(q).contains("'未' & '告知'").doesNotContain("'未':*");
    }

    @Test
    void snippetsAreThePlainWords() {
        assertThat(Highlighter.plainText("## 标题\n\n- 第一条 **加粗** 的 [链接](https://x.cn)\n1. 第二\n> 引文 `代码`"))
                .isEqualTo("标题 第一条 加粗 的 链接 第二 引文 代码");
    }

    @Test
    void highlightingEscapesEverythingButItsMarks() {
        String html = Highlighter.snippet("<script>alert(1)</script> 销售过期食品的超市", java.util.List.of("过期食品"), 80);
        assertThat(html).contains("&lt;script&gt;", "<mark>过期食品</mark>").doesNotContain("<script>");
    }
}
