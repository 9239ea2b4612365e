package cn.zhifa.academy.exam.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.WeakPoints;
import cn.zhifa.academy.exam.bank.ExclusionGroups;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionType;

/**
 * Draws a candidate's own paper from the exam's frozen pool: sections in blueprint order, no
 * question twice, never two of one exclusion group ({@link ExclusionGroups}), questions and options shuffled when the blueprint says so. The pool and the
 * blueprint of a published exam never change, so their in-memory form is cached per exam.
 */
@ApplicationScoped
public class Papers {

    @Inject
    EntityManager em;

    @Inject
    QuestionCache questions;

    /** {@code weakPoints}: the candidate's weak-point questions of the pool come first (see {@link WeakPoints}). */
    public record SectionSpec(int position, QuestionType type, int count, BigDecimal points, BigDecimal partialCredit,
            List<Long> pool, boolean weakPoints) {

        /** A section drawn from its pool only. */
        public SectionSpec(int position, QuestionType type, int count, BigDecimal points, BigDecimal partialCredit,
                List<Long> pool) {
            this(position, type, count, points, partialCredit, pool, false);
        }
    }

    public record Spec(long examId, boolean shuffleQuestions, boolean shuffleOptions, List<SectionSpec> sections) {
    }

    public record Drawn(int position, long versionId, int sectionPosition, BigDecimal points, BigDecimal partialCredit,
            String optionOrder) {
    }

    private final Map<Long, Spec> specs = new ConcurrentHashMap<>();

    /** The paper spec of a published exam (inside a transaction). */
    public Spec spec(Exam exam) {
        Spec s = specs.get(exam.id);
        if (s != null) {
            return s;
        }
        Blueprint b = Blueprint.findById(exam.blueprintId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT section_position, question_version_id FROM exam_pool WHERE exam_id = ?1 ORDER BY 1, 2")
                .setParameter(1, exam.id).getResultList();
        Map<Integer, List<Long>> pools = rows.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).intValue(),
                Collectors.mapping(r -> ((Number) r[1]).longValue(), Collectors.toList())));
        List<SectionSpec> sections = b.sections.stream().map(x -> new SectionSpec(x.position, x.type, x.questionCount,
                x.points, x.partialCredit, List.copyOf(pools.getOrDefault(x.position, List.of())), x.weakPoints)).toList();
        s = new Spec(exam.id, b.shuffleQuestions, b.shuffleOptions, sections);
        if (exam.status == Exam.Status.PUBLISHED) {
            specs.put(exam.id, s);
        }
        return s;
    }

    /** Draws one paper; throws when the pool cannot fill a section (only if the pool was tampered with). */
    public List<Drawn> draw(Spec spec, Random random) {
        return draw(spec, random, Set.of());
    }

    /** Whether a section of the spec draws from the candidate's weak points. */
    public static boolean hasWeakPointSection(Spec spec) {
        return spec.sections().stream().anyMatch(SectionSpec::weakPoints);
    }

    /**
     * Draws one paper; in weak-point sections the {@code preferred} question versions (the
     * candidate's weak points) are taken first, the rest of the pool fills up (the fallback).
     */
    public List<Drawn> draw(Spec spec, Random random, Set<Long> preferred) {
        List<Drawn> out = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        Set<String> groups = new HashSet<>();
        List<List<Long>> pools = spec.sections().stream().map(SectionSpec::pool).toList();
        int position = 1;
        for (int i = 0; i < spec.sections().size(); i++) {
            SectionSpec s = spec.sections().get(i);
            List<Long> candidates = new ArrayList<>(pools.get(i));
            if (spec.shuffleQuestions()) {
                Collections.shuffle(candidates, random);
            }
            List<Long> ordered = preferExclusive(candidates, pools.subList(i + 1, pools.size()), taken);
            if (s.weakPoints() && !preferred.isEmpty()) {
                ordered = preferWeak(ordered, pools.subList(i + 1, pools.size()), preferred);
            }
            List<Long> picked = ExclusionGroups.pick(ordered, s.count(), v -> questions.get(v).exclusionGroup(), groups);
            if (picked.size() < s.count()) {
                throw new IllegalStateException("pool of exam " + spec.examId() + " cannot fill section " + s.position());
            }
            if (!spec.shuffleQuestions()) {
                picked.sort(Comparator.naturalOrder());
            }
            for (Long v : picked) {
                taken.add(v);
                String order = "";
                if (s.type().choice()) {
                    int n = questions.get(v).options().size();
                    List<Integer> idx = IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
                    if (spec.shuffleOptions()) {
                        Collections.shuffle(idx, random);
                    }
                    order = idx.stream().map(String::valueOf).collect(Collectors.joining(","));
                }
                out.add(new Drawn(position++, v, s.position(), s.points(), s.partialCredit(), order));
            }
        }
        return out;
    }

    /**
     * Weak-point questions first, without giving up {@link #preferExclusive}'s order: questions no
     * later section could use (weak, then the rest), then the shared ones (weak, then the rest).
     */
    static List<Long> preferWeak(List<Long> ordered, List<List<Long>> later, Set<Long> weak) {
        Set<Long> shared = new HashSet<>();
        later.forEach(shared::addAll);
        List<Long> out = new ArrayList<>();
        for (boolean sharedPart : new boolean[] { false, true }) {
            for (boolean weakPart : new boolean[] { true, false }) {
                for (Long id : ordered) {
                    if (shared.contains(id) == sharedPart && weak.contains(id) == weakPart) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The pool without taken questions, those no later section could use first (stable, so a
     * shuffled pool stays random within each group).
     */
    static List<Long> preferExclusive(List<Long> pool, List<List<Long>> later, Set<Long> taken) {
        Set<Long> shared = new HashSet<>();
        later.forEach(shared::addAll);
        List<Long> exclusive = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        for (Long id : pool) {
            if (taken.contains(id)) {
                continue;
            }
            (shared.contains(id) ? rest : exclusive).add(id);
        }
        exclusive.addAll(rest);
        return exclusive;
    }
}
