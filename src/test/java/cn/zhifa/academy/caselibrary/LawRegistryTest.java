package cn.zhifa.academy.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;

/**
 * {@link Laws} is the law registry courses/laws.yaml in code: the same statutes, full names and
 * repeal dates, and for every statute whose text is kept, the number of its last article as the
 * text in ../shared/law has it. No database.
 */
class LawRegistryTest {

    private static final Pattern LAST_ARTICLE = Pattern.compile("(?m)^第([零〇一二两三四五六七八九十百千]+)条[ 　]");

    @Test
    void lawsJavaAndTheRegistryAgree() throws IOException {
        JsonNode registry = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("courses/laws.yaml")));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        registry.path("laws").forEach(l -> byName.put(l.path("name").asText(), l));
        assertThat(byName).containsKeys("生态环境法典", "大气污染防治法", "城乡规划法", "移送涉嫌犯罪案件的规定");

        Path lawDir = Path.of(System.getenv().getOrDefault("ACADEMY_LAW_DIR", "../shared/law"));
        assertThat(lawDir.resolve("生态环境法典.md")).as("statute texts beside the checkout").exists();
        for (Laws.Law law : Laws.all()) {
            JsonNode entry = byName.get(law.name());
            assertThat(entry).as(law.name() + " is in courses/laws.yaml").isNotNull();
            assertThat(entry.path("fullName").asText()).as(law.name()).isEqualTo(law.fullName());
            LocalDate repealed = entry.hasNonNull("repealed") ? LocalDate.parse(entry.path("repealed").asText()) : null;
            assertThat(law.repealed()).as(law.name() + " repealed").isEqualTo(repealed);
            assertThat(law.replacedBy()).as(law.name() + " replacedBy")
                    .isEqualTo(entry.hasNonNull("replacedBy") ? entry.path("replacedBy").asText() : null);
            if (entry.hasNonNull("file")) {
                assertThat(law.articles()).as(law.name() + " last article").isEqualTo(lastArticle(lawDir.resolve(entry.path("file").asText())));
            } else {
                assertThat(law.articles()).as(law.name() + " has no text, so no article count").isZero();
            }
        }
        assertThat(byName.keySet()).as("every registered statute is known to the case rules")
                .allSatisfy(n -> assertThat(Laws.find(n)).isPresent());
    }

    @Test
    void aRepealedLawAppliesOnlyBeforeItsRepeal() {
        Laws.Law air = Laws.find("大气法").orElseThrow();
        assertThat(air.inForceOn(LocalDate.of(2026, 8, 14))).isTrue();
        assertThat(air.inForceOn(LocalDate.of(2026, 8, 15))).isFalse();
        assertThat(air.replacedBy()).isEqualTo("生态环境法典");
        assertThat(Laws.find("行政处罚法").orElseThrow().inForceOn(LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(Laws.find("生态环境法典").orElseThrow().cite(1131)).isEqualTo("《中华人民共和国生态环境法典》第一千一百三十一条");
    }

    private static int lastArticle(Path file) throws IOException {
        Matcher m = LAST_ARTICLE.matcher(Files.readString(file));
        int last = 0;
        while (m.find()) {
            last = Math.max(last, ChineseNumerals.parse(m.group(1)));
        }
        return last;
    }
}
