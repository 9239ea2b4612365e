package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test cases that never disturb the relevance tests: their words (风筝, 灯笼, 砚台 …) and their
 * citation (国家赔偿法 第二条) appear in no real case, and their codes use the year 2099.
 */
final class CaseFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger(1000 + (int) (Math.random() * 4000));

    private CaseFixtures() {
    }

    /** A fresh code, e.g. TY-2099-1234. */
    static String code() {
        return "TY-2099-" + SEQ.incrementAndGet();
    }

    /** A complete, valid case as the API takes it (JSON object). */
    static Map<String, Object> input(String code, String word) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("title", "放" + word + "活动的安全提示（测试案例）");
        m.put("keywords", List.of(word, "测试"));
        m.put("domain", "通用");
        m.put("matter", "测试事项" + word);
        m.put("caseType", "执法监督");
        m.put("orgLevel", "区县");
        m.put("legalBasis", List.of(Map.of("law", "国家赔偿法", "article", 2, "note", "测试引用")));
        m.put("tags", List.of("测试标签"));
        m.put("source", "自动化测试");
        m.put("date", "2099-01-15");
        Map<String, String> sections = new LinkedHashMap<>();
        for (CaseSection s : CaseSection.values()) {
            sections.put(s.key(), "关于" + word + "的" + s.heading + "，用于自动化测试的虚构内容。");
        }
        m.put("sections", sections);
        return m;
    }

    /** The same case as a case-library/ file. */
    static String file(String code, String word) {
        return file(code, word, "");
    }

    static String file(String code, String word, String extraFacts) {
        StringBuilder sb = new StringBuilder();
        sb.append("---\n");
        sb.append("code: ").append(code).append('\n');
        sb.append("title: 放").append(word).append("活动的安全提示（测试案例）\n");
        sb.append("keywords: [").append(word).append(", 测试]\n");
        sb.append("domain: 通用\n");
        sb.append("matter: 测试事项").append(word).append('\n');
        sb.append("caseType: 执法监督\n");
        sb.append("orgLevel: 区县\n");
        sb.append("legalBasis:\n");
        sb.append("  - law: 国家赔偿法\n");
        sb.append("    article: 2\n");
        sb.append("    note: 测试引用\n");
        sb.append("tags: [测试标签]\n");
        sb.append("source: 自动化测试\n");
        sb.append("date: 2099-01-15\n");
        sb.append("---\n");
        for (CaseSection s : CaseSection.values()) {
            sb.append("\n## ").append(s.heading).append("\n\n关于").append(word).append("的").append(s.heading)
                    .append("，用于自动化测试的虚构内容。");
            if (s == CaseSection.FACTS) {
                sb.append(extraFacts);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A folder with the given files: relative path → text. */
    static Path folder(Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target/case-folders")), "cases");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }
}
