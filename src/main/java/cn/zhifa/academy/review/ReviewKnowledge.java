package cn.zhifa.academy.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The review's view of the knowledge-point taxonomy (issue 14 item 1): whether a code exists,
 * its name, and the courses and questions tagged with it. The one place the review asks.
 */
@ApplicationScoped
public class ReviewKnowledge {

    private volatile Map<String, String> names;

    private Map<String, String> names() {
        if (names == null) {
            Map<String, String> m = new LinkedHashMap<>();
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("courses/knowledge-points.yaml")));
                for (JsonNode p : root.path("points")) {
                    m.put(p.path("code").asText(), p.path("name").asText());
                }
            } catch (IOException e) {
                // no taxonomy file: every code is unknown
            }
            names = m;
        }
        return names;
    }

    public boolean exists(String code) {
        return code != null && names().containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : names().get(code));
    }

    /** Courses with a lesson tagged with the code. */
    public List<Long> courseIdsFor(String code) {
        return List.of();
    }

    /** Questions tagged with the code. */
    public List<Long> questionIdsFor(String code) {
        return List.of();
    }
}
