package cn.zhifa.academy.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The coverage report (知识点覆盖情况): for every knowledge point, how many lessons (of published
 * courses), published cases and active questions carry it, and which gaps it has — no lesson,
 * no case, fewer questions than {@code academy.knowledge.min-questions}.
 */
@ApplicationScoped
public class KnowledgeCoverage {

    @Inject
    KnowledgePoints points;

    @Inject
    KnowledgeTags tags;

    @Inject
    KnowledgeConfig config;

    /** One knowledge point's figures. */
    public record Row(String code, String name, String kind, String parent, int lessons, int cases, int questions,
            boolean noLesson, boolean noCase, boolean fewQuestions) {
        public boolean gap() {
            return noLesson || noCase || fewQuestions;
        }
    }

    /** The whole report; {@code gaps} counts the points with at least one gap. */
    public record Report(int version, int minQuestions, int points, int gaps, int withoutLesson, int withoutCase,
            int fewQuestions, List<Row> rows) {
    }

    public Report report(boolean gapsOnly) {
        Map<String, int[]> counts = tags.counts();
        int min = config.minQuestions();
        List<Row> rows = new ArrayList<>();
        int gaps = 0;
        int noLesson = 0;
        int noCase = 0;
        int few = 0;
        for (KnowledgePoint p : points.all()) {
            int[] c = counts.getOrDefault(p.code(), new int[3]);
            Row r = new Row(p.code(), p.name(), p.kind(), p.parent(), c[0], c[1], c[2], c[0] == 0, c[1] == 0, c[2] < min);
            noLesson += r.noLesson() ? 1 : 0;
            noCase += r.noCase() ? 1 : 0;
            few += r.fewQuestions() ? 1 : 0;
            gaps += r.gap() ? 1 : 0;
            if (!gapsOnly || r.gap()) {
                rows.add(r);
            }
        }
        return new Report(points.version(), min, points.all().size(), gaps, noLesson, noCase, few, List.copyOf(rows));
    }
}
