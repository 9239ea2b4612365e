package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The small JSON columns of the exam tables (string lists and rubrics). */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record RubricPoint(String point, BigDecimal score) {
    }

    private Json() {
    }

    public static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad JSON list: " + json, e);
        }
    }

    public static List<RubricPoint> rubric(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<RubricPoint>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad rubric JSON: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
