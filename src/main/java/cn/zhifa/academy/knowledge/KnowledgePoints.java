package cn.zhifa.academy.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.platform.error.ErrorTexts;
import io.quarkus.runtime.StartupEvent;

/**
 * The knowledge-point taxonomy (知识点), read at start from {@code academy.knowledge.file}
 * (courses/knowledge-points.yaml). A missing or invalid file stops the start with every problem
 * (file and line): lessons, cases, questions and review standards refer to these codes, so the
 * service cannot run with a broken taxonomy. Also answers which content carries a tag.
 */
@ApplicationScoped
public class KnowledgePoints {

    private static final Logger LOG = Logger.getLogger(KnowledgePoints.class);

    @Inject
    KnowledgeConfig config;

    @Inject
    KnowledgeTags tags;

    private volatile int version;
    private volatile List<KnowledgePoint> points = List.of();
    private volatile Map<String, KnowledgePoint> byCode = Map.of();

    @PostConstruct
    void load() {
        Path file = Path.of(config.file());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentInvalidException(List.of(new ContentProblem(file.toString(), 0,
                    ErrorTexts.text(ErrorTexts.currentLocale(), "kpfile.file_missing", file.toAbsolutePath()))));
        }
        KnowledgePointFile.Taxonomy t;
        try {
            t = KnowledgePointFile.parse(file.toString(), text);
        } catch (ContentInvalidException e) {
            LOG.errorf("knowledge points in %s are invalid; the service does not start:%n  %s", file,
                    String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
            throw e;
        }
        Map<String, KnowledgePoint> m = new LinkedHashMap<>();
        t.points().forEach(p -> m.put(p.code(), p));
        byCode = Map.copyOf(m);
        points = t.points();
        version = t.version();
        LOG.infof("knowledge points: %d from %s (version %d)", m.size(), file, t.version());
    }

    /** Loads the taxonomy at start, before the content imports (priority 30) that check tags against it. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        all();
    }

    /** The taxonomy's version field. */
    public int version() {
        return version;
    }

    /** Every knowledge point, in file order. */
    public List<KnowledgePoint> all() {
        return points;
    }

    public Optional<KnowledgePoint> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Ids of the courses (current versions) having at least one lesson tagged with the code. */
    public List<Long> courseIdsFor(String code) {
        return exists(code) ? tags.courseIds(code) : List.of();
    }

    /** The published courses carrying each code, one statement for all of them; unknown codes carry none. */
    public Map<String, List<KnowledgeTags.PublishedCourse>> publishedCoursesFor(java.util.Collection<String> codes) {
        List<String> known = codes.stream().filter(this::exists).distinct().toList();
        return known.isEmpty() ? Map.of() : tags.publishedCourses(known);
    }

    /** Ids of the lessons (of current course versions) tagged with the code. */
    public List<Long> lessonIdsFor(String code) {
        return exists(code) ? tags.lessonIds(code) : List.of();
    }

    /** Ids of the typical cases tagged with the code. */
    public List<Long> caseIdsFor(String code) {
        return exists(code) ? tags.caseIds(code) : List.of();
    }

    /** Ids of the questions tagged with the code. */
    public List<Long> questionIdsFor(String code) {
        return exists(code) ? tags.questionIds(code) : List.of();
    }

}
