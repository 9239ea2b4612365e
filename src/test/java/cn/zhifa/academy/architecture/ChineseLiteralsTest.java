package cn.zhifa.academy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 18: no Chinese text in Java outside demo data (package demo) and content parsing (package
 * content). Words for a reader are in the message bundles ({@code messages/*_zh-CN}, {@code *_en}),
 * words of a file format in {@code formats/*.properties}, seed and demo data in resource files
 * (docs/architecture.md, "Where text lives"). Comments do not count: Chinese domain terms belong in
 * Javadoc.
 */
class ChineseLiteralsTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final List<String> EXEMPT = List.of("cn/zhifa/academy/demo/", "cn/zhifa/academy/content/");
    static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]");

    @Test
    void noChineseStringLiteralInJava() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (var files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = SOURCES.relativize(f).toString().replace('\\', '/');
                if (EXEMPT.stream().anyMatch(rel::startsWith)) {
                    continue;
                }
                List<String> chinese = literals(Files.readString(f, StandardCharsets.UTF_8)).stream()
                        .filter(s -> CHINESE.matcher(s).find()).toList();
                if (!chinese.isEmpty()) {
                    found.put(rel, chinese);
                }
            }
        }
        assertThat(found).as("Chinese string literals in Java: put words for a reader in the message bundles "
                + "(messages/*_zh-CN and *_en), words of a file format in formats/*.properties").isEmpty();
    }

    /** The scanner itself: literals and text blocks count, comments do not. */
    @Test
    void theScannerSeesLiteralsNotComments() {
        String src = """
                // 注释
                /* 注释 "不是字面量" */
                /** 文档 */
                String a = "中文", b = "ascii \\" still ascii", c = \"""
                    块中文
                    \""";
                char q = '"'; char d = '中';
                """;
        assertThat(literals(src)).containsExactly("中文", "ascii \\\" still ascii", "\n    块中文\n    ", "\"", "中");
    }

    /** The string, text block and char literals of a Java source, comments skipped. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int j = src.indexOf('\n', i);
                i = j < 0 ? n : j;
            } else if (src.startsWith("/*", i)) {
                int j = src.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int j = src.indexOf("\"\"\"", i + 3);
                out.add(src.substring(i + 3, j));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(src.substring(i + 1, j));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
