package cn.zhifa.academy.exam.bank;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.zhifa.academy.exam.Json;

/**
 * Reads the repository's question bank (courses/question-bank/*.yaml): each file a YAML list
 * of questions (format in that folder's README). Items keep their line for error reports.
 */
public final class QuestionYaml {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    public record Read(List<QuestionInput> inputs, List<ImportProblem> problems) {
    }

    private QuestionYaml() {
    }

    public static Read folder(Path folder) throws IOException {
        List<QuestionInput> inputs = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Read r = file(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            inputs.addAll(r.inputs());
            problems.addAll(r.problems());
        }
        return new Read(inputs, problems);
    }

    public static Read file(String name, String text) {
        List<QuestionInput> inputs = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.setCodec(MAPPER);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return new Read(List.of(), List.of(ImportProblem.of(name, 1, "-", "question.yaml.not_list")));
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                JsonNode item = parser.readValueAsTree();
                inputs.add(input(name, (int) at.getLineNr(), item));
            }
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? (int) j.getLocation().getLineNr() : 1;
            return new Read(List.of(), List.of(ImportProblem.of(name, line, "-", "question.yaml.invalid", msg)));
        }
        return new Read(inputs, List.of());
    }

    private static QuestionInput input(String file, int line, JsonNode n) {
        List<Json.RubricPoint> rubric = new ArrayList<>();
        for (JsonNode r : n.path("rubric")) {
            rubric.add(new Json.RubricPoint(r.path("point").asText(""),
                    r.path("score").isNumber() ? r.path("score").decimalValue() : BigDecimal.ZERO));
        }
        return new QuestionInput(file, line, text(n, "code"), text(n, "type"), text(n, "stem"), list(n.get("options")),
                list(n.get("answer")), text(n, "referenceAnswer"), rubric, text(n, "points"), text(n, "explanation"),
                text(n, "law"), String.join(",", list(n.get("articles"))), text(n, "domain"), text(n, "difficulty"),
                list(n.get("grades")), list(n.get("levels")), tags(n), text(n, "sourceCase"));
    }

    /** The tags, plus the exclusion group (group: 追责时效) as its tag. */
    private static List<String> tags(JsonNode n) {
        List<String> tags = new ArrayList<>(list(n.get("tags")));
        String group = text(n, "group");
        if (group != null && !group.isBlank()) {
            tags.add(ExclusionGroups.tag(group));
        }
        // knowledge: [KP-LIAN] becomes the tag 知识点:KP-LIAN (checked by QuestionBankService)
        list(n.get("knowledge")).forEach(k -> tags.add(cn.zhifa.academy.knowledge.KnowledgeTags.questionTag(k.strip())));
        return tags;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.add(x.asText()));
            return out;
        }
        return List.of(v.asText());
    }
}
