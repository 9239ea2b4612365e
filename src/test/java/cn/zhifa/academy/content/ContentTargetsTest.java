package cn.zhifa.academy.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Issue 15 "Add", counted from the files: at least 14 courses each with a 2–5 minute video
 * lesson (mp4 and WebVTT subtitles beside it), at least 48 cases over at least 10 domains, at
 * least 400 questions with at least 12 案例分析 (reference answer and scoring points), and at
 * least 10 questions on each topic of the mandate, counted by knowledge-point tag. No database.
 */
class ContentTargetsTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern CUE_END = Pattern.compile("--> (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d\\d\\d)");

    static JsonNode frontMatter(Path md) throws IOException {
        String text = Files.readString(md);
        return YAML.readTree(text.split("---", 3)[1]);
    }

    @Test
    void everyCourseHasATwoToFiveMinuteVideoWithSubtitles() throws IOException {
        List<Path> courses;
        try (Stream<Path> s = Files.list(Path.of("courses"))) {
            courses = s.filter(d -> Files.isRegularFile(d.resolve("course.yaml"))).sorted().toList();
        }
        assertThat(courses).hasSizeGreaterThanOrEqualTo(14);
        for (Path course : courses) {
            JsonNode yaml = YAML.readTree(course.resolve("course.yaml").toFile());
            double longest = 0;
            for (JsonNode lesson : yaml.path("lessons")) {
                JsonNode fm = frontMatter(course.resolve(lesson.asText()));
                if (!"video".equals(fm.path("type").asText())) {
                    continue;
                }
                Path mp4 = course.resolve(fm.path("video").asText());
                Path vtt = mp4.resolveSibling(mp4.getFileName().toString().replace(".mp4", ".vtt"));
                assertThat(mp4).as(course + ": video file").exists();
                assertThat(Files.size(mp4)).as(mp4 + " is small enough for the repo").isLessThan(3_000_000);
                assertThat(vtt).as(course + ": subtitles").exists();
                String cues = Files.readString(vtt);
                assertThat(cues).startsWith("WEBVTT");
                Matcher m = CUE_END.matcher(cues);
                double end = 0;
                while (m.find()) {
                    end = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3))
                            + Integer.parseInt(m.group(4)) / 1000.0;
                }
                longest = Math.max(longest, end);
            }
            assertThat(longest).as(course + ": a video lesson of 2–5 minutes (last subtitle cue)").isBetween(110.0, 300.0);
        }
    }

    @Test
    void atLeast48CasesOverTenDomains() throws IOException {
        Set<String> domains = new HashSet<>();
        int cases = 0;
        try (Stream<Path> s = Files.walk(Path.of("case-library"), 2)) {
            for (Path p : s.filter(f -> f.getNameCount() == 3 && f.toString().endsWith(".md")).toList()) {
                domains.add(frontMatter(p).path("domain").asText());
                assertThat(frontMatter(p).path("knowledge").size()).as(p + " is tagged").isPositive();
                cases++;
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(48);
        assertThat(domains).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void atLeast400QuestionsTwelveCaseAnalysesAndTenPerMandateTopic() throws IOException {
        List<JsonNode> questions = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("courses/question-bank"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                YAML.readTree(f.toFile()).forEach(questions::add);
            }
        }
        assertThat(questions).hasSizeGreaterThanOrEqualTo(400);
        List<JsonNode> analyses = questions.stream().filter(q -> "案例分析".equals(q.path("type").asText())).toList();
        assertThat(analyses).hasSizeGreaterThanOrEqualTo(12);
        assertThat(analyses).allSatisfy(q -> {
            assertThat(q.path("referenceAnswer").asText()).as(q.path("code").asText()).isNotBlank();
            assertThat(q.path("rubric").size()).as(q.path("code").asText()).isGreaterThanOrEqualTo(3);
        });
        Map<String, Integer> byPoint = new HashMap<>();
        for (JsonNode q : questions) {
            assertThat(q.path("knowledge").size()).as(q.path("code").asText() + " is tagged").isPositive();
            q.path("knowledge").forEach(k -> byPoint.merge(k.asText(), 1, Integer::sum));
        }
        // 一件事/进一次门, 三书同达/说理式执法, 信用评价/第三方监管, 责任制考核, 镇街赋权, 行刑衔接, 全过程记录, 执法公示, 征收
        for (String topic : List.of("KP-YIJIANSHI", "KP-SHUOLI", "KP-XINYONG", "KP-ZERENZHI", "KP-FUQUAN", "KP-XINGXING",
                "KP-QUANGUOCHENG", "KP-GONGSHI", "KP-ZHENGSHOU")) {
            assertThat(byPoint.getOrDefault(topic, 0)).as(topic).isGreaterThanOrEqualTo(10);
        }
    }
}
