package cn.zhifa.academy.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The random sampling of a campaign, as a pure function of its inputs: the same case files,
 * reviewers and seed always give the same sample and the same reviewer for each file, so anyone
 * can repeat the draw from the recorded seed. Units are drawn in id order, each unit's files
 * sorted by case number and shuffled with one {@link Random} seeded once; then each sampled
 * file goes, in draw order, to the eligible reviewer with the fewest files so far (ties by a
 * seeded order of the reviewers). A reviewer is not eligible for a unit they belong to (their
 * unit is that unit or lies below it).
 */
public final class Sampling {

    private Sampling() {
    }

    /** A case file as the draw sees it. */
    public record File(long id, long unitId, String caseNo) {
    }

    /** A reviewer and the materialised path of their unit. */
    public record Reviewer(long personId, String unitPath) {
    }

    /** One drawn file: its position in the draw and its reviewer. */
    public record Pick(long fileId, int order, long reviewerPersonId) {
    }

    /** A unit no reviewer may review (all belong to it). */
    public static final class NoReviewer extends RuntimeException {
        public final long unitId;

        NoReviewer(long unitId) {
            super("no eligible reviewer for unit " + unitId);
            this.unitId = unitId;
        }
    }

    public static List<Pick> draw(List<File> files, Map<Long, String> unitPaths, List<Reviewer> reviewers, int perUnit,
            long seed) {
        Random random = new Random(seed);
        Map<Long, List<File>> byUnit = new java.util.TreeMap<>();
        for (File f : files) {
            byUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f);
        }
        List<File> drawn = new ArrayList<>();
        for (List<File> population : byUnit.values()) {
            List<File> sorted = new ArrayList<>(population);
            sorted.sort(Comparator.comparing(File::caseNo).thenComparingLong(File::id));
            Collections.shuffle(sorted, random);
            drawn.addAll(sorted.subList(0, Math.min(perUnit, sorted.size())));
        }
        List<Reviewer> order = new ArrayList<>(reviewers);
        order.sort(Comparator.comparingLong(Reviewer::personId));
        Collections.shuffle(order, random);
        Map<Long, Integer> load = new LinkedHashMap<>();
        order.forEach(r -> load.put(r.personId(), 0));
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i).personId(), i);
        }
        List<Pick> out = new ArrayList<>();
        int position = 1;
        for (File f : drawn) {
            String unitPath = unitPaths.get(f.unitId());
            Optional<Reviewer> best = order.stream().filter(r -> eligible(r, unitPath))
                    .min(Comparator.<Reviewer> comparingInt(r -> load.get(r.personId()))
                            .thenComparingInt(r -> rank.get(r.personId())));
            if (best.isEmpty()) {
                throw new NoReviewer(f.unitId());
            }
            load.merge(best.get().personId(), 1, Integer::sum);
            out.add(new Pick(f.id(), position++, best.get().personId()));
        }
        return out;
    }

    /** Nobody reviews their own unit: a reviewer whose unit is the reviewed unit or lies below it. */
    public static boolean eligible(Reviewer r, String reviewedUnitPath) {
        return reviewedUnitPath != null && r.unitPath() != null && !r.unitPath().startsWith(reviewedUnitPath);
    }
}
