package cn.zhifa.academy.exam.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Exclusion groups (互斥组): questions that test the same fact, so that one would give away the
 * other. The bank file names the group ({@code group: 追责时效}); a question carries it as the tag
 * 互斥组:&lt;name&gt; ({@link #TAG_PREFIX}, formats/exclusion-groups.properties), so spreadsheets and the form can set it too. A paper holds at
 * most one question of each group: drawing and the check whether the bank can fill a blueprint
 * both take candidates through {@link #pick}.
 */
public final class ExclusionGroups {

    public static final String TAG_PREFIX = cn.zhifa.academy.platform.text.FormatWords.of("exclusion-groups")
            .get("tag_prefix");

    private ExclusionGroups() {
    }

    /** The tag that puts a question in a group. */
    public static String tag(String group) {
        return TAG_PREFIX + group.strip();
    }

    /** The group in a comma-joined tag list, or null. */
    public static String of(String tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        for (String t : tags.split(",")) {
            if (t.startsWith(TAG_PREFIX) && t.length() > TAG_PREFIX.length()) {
                return t.substring(TAG_PREFIX.length());
            }
        }
        return null;
    }

    /**
     * The candidates, in their order, that may still go on a paper already holding the groups in
     * {@code onPaper}: at most one per group, the first one met (so a shuffled pool picks a random
     * member). Questions without a group always pass. Changes nothing.
     */
    public static List<Long> admissible(List<Long> ordered, Function<Long, String> groupOf, Set<String> onPaper) {
        Set<String> seen = new HashSet<>(onPaper);
        List<Long> out = new ArrayList<>(ordered.size());
        for (Long id : ordered) {
            String g = groupOf.apply(id);
            if (g == null || seen.add(g)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Takes up to {@code count} questions from the ordered candidates without a second member of
     * any group, and adds the groups taken to {@code onPaper}. Fewer than count when the groups
     * leave too few.
     */
    public static List<Long> pick(List<Long> ordered, int count, Function<Long, String> groupOf, Set<String> onPaper) {
        List<Long> ok = admissible(ordered, groupOf, onPaper);
        List<Long> picked = new ArrayList<>(ok.subList(0, Math.min(count, ok.size())));
        for (Long id : picked) {
            String g = groupOf.apply(id);
            if (g != null) {
                onPaper.add(g);
            }
        }
        return picked;
    }
}
