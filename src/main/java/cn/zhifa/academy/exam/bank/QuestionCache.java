package cn.zhifa.academy.exam.bank;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import cn.zhifa.academy.content.Markdown;
import cn.zhifa.academy.exam.Json;

/**
 * Question versions that exams use, kept in memory. Only versions marked used are cached,
 * and those never change, so the cache needs no invalidation on any node.
 */
@ApplicationScoped
public class QuestionCache {

    /** Everything about a frozen question version, stem already rendered to safe HTML. */
    public record Q(long versionId, String code, int number, QuestionType type, String stemHtml, List<String> options,
            List<String> key, String referenceAnswer, List<Json.RubricPoint> rubric, String explanation, String law,
            String articles, String domainCode, int difficulty, String exclusionGroup) {

        /** A question in no exclusion group. */
        public Q(long versionId, String code, int number, QuestionType type, String stemHtml, List<String> options,
                List<String> key, String referenceAnswer, List<Json.RubricPoint> rubric, String explanation, String law,
                String articles, String domainCode, int difficulty) {
            this(versionId, code, number, type, stemHtml, options, key, referenceAnswer, rubric, explanation, law, articles,
                    domainCode, difficulty, null);
        }

        public String keyText() {
            return QuestionRules.keyText(type, key);
        }
    }

    private final Map<Long, Q> cache = new ConcurrentHashMap<>();

    /** The cached version, or null when it is not in memory (never reads the database). */
    public Q cached(long versionId) {
        return cache.get(versionId);
    }

    /** Must be called inside a transaction (loads on a miss). */
    public Q get(long versionId) {
        Q q = cache.get(versionId);
        if (q != null) {
            return q;
        }
        QuestionVersion v = QuestionVersion.findById(versionId);
        Question question = Question.findById(v.questionId);
        q = new Q(v.id, question.code, v.number, v.type, Markdown.toSafeHtmlWithMedia(v.stemMd), v.options(), v.key(),
                v.referenceAnswer, v.rubric(), v.explanation, v.law, v.articles, v.domainCode, v.difficulty,
                ExclusionGroups.of(v.tags));
        if (v.used) {
            cache.put(versionId, q);
        }
        return q;
    }
}
