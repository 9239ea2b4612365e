package cn.zhifa.academy.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void scriptsAndEventHandlersNeverSurvive() {
        String html = Markdown.toSafeHtml("""
                # 标题

                <script>alert('x')</script>

                <img src=x onerror="alert(1)">

                [点我](javascript:alert(1))

                <a href="https://example.gov.cn" onclick="steal()">链接</a>

                **加粗**
                """);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, iframe, object, embed, style")).isEmpty();
        assertThat(doc.getAllElements()).allSatisfy(e -> e.attributes()
                .forEach(a -> assertThat(a.getKey()).doesNotStartWithIgnoringCase("on")));
        assertThat(doc.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).doesNotContainIgnoringCase("javascript"));
        assertThat(html).doesNotContain("<script").contains("<h1>标题</h1>", "<strong>加粗</strong>", "&lt;script&gt;");
    }

    @Test
    void tablesAndListsRender() {
        String html = Markdown.toSafeHtml("| 条 | 内容 |\n|---|---|\n| 33 | 首违不罚 |\n\n- 一\n- 二\n");
        assertThat(html).contains("<table>", "<td>首违不罚</td>", "<li>一</li>");
    }

    @Test
    void frontMatterProblemsCarryTheirLine() {
        FrontMatterDocument.Parsed ok = FrontMatterDocument.parse("a.md", "---\ntitle: 甲\ntype: article\n---\n正文\n");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.document().meta()).containsEntry("title", "甲");
        assertThat(ok.document().body()).isEqualTo("正文\n");
        assertThat(ok.document().bodyStartLine()).isEqualTo(5);

        FrontMatterDocument.Parsed bad = FrontMatterDocument.parse("b.md", "---\ntitle: 甲\n  type: [oops\n---\n");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("b.md");
            assertThat(p.line()).isBetween(2, 4);
        });
        assertThat(FrontMatterDocument.parse("c.md", "no front matter").problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void questionStemsKeepImagesFromTheObjectStoreOnly() {
        String html = Markdown.toSafeHtmlWithMedia("现场照片：![现场](/api/v1/media/3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c/content)\n\n"
                + "![外链](https://evil.example/x.png) ![脚本](javascript:alert(1)) <img src=x onerror=alert(1)>"
                + " ![序号](/api/v1/media/12/content)");
        assertThat(html).contains("<img src=\"/api/v1/media/3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c/content\" alt=\"现场\">");
        assertThat(html).as("a sequence number no longer names a file").doesNotContain("/api/v1/media/12/");
        assertThat(html).doesNotContain("evil.example", "javascript:", "<img src=x").contains("&lt;img src=x onerror");
        assertThat(Markdown.toSafeHtml("![现场](/api/v1/media/3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c/content)")).doesNotContain("<img");
    }
}
