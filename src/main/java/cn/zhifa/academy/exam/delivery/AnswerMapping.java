package cn.zhifa.academy.exam.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionFields;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.error.InvalidException;

/**
 * Between what a candidate sees and what the engine stores (issue 11 item 7): choice options are
 * shown in a per-candidate permutation ({@link AttemptItem#order()}: displayed option i is
 * original option order[i]), answers are stored canonically (original option indexes, sorted;
 * texts as typed), and keys and answers are shown back in the candidate's own order. Pure
 * functions, unit-tested in AnswerMappingTest; the save path, the paper and the review use them.
 */
public final class AnswerMapping {

    /** The longest text answer accepted (characters). */
    static final int MAX_TEXT = 20_000;

    private AnswerMapping() {
    }

    /** The item's option permutation as the paper sends it (displayed option i is original option order[i]). */
    static List<Integer> optionOrder(AttemptItem i) {
        return optionOrder(i.optionOrder);
    }

    /** The same, from the stored permutation. */
    static List<Integer> optionOrder(String optionOrder) {
        List<Integer> out = new ArrayList<>();
        for (int o : AttemptItem.order(optionOrder)) {
            out.add(o);
        }
        return out;
    }

    static List<String> displayedOptions(QuestionCache.Q q, AttemptItem i) {
        if (!q.type().choice()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int o : i.order()) {
            out.add(q.options().get(o));
        }
        return out;
    }

    /** Canonical answer → what the candidate sees (displayed option indexes for choice types). */
    static List<String> displayedAnswer(QuestionCache.Q q, AttemptItem i) {
        return displayedAnswer(q, i.optionOrder, i.answerJson);
    }

    /** The same, from the stored permutation and answer (a paper read as plain rows). */
    static List<String> displayedAnswer(QuestionCache.Q q, String optionOrder, String answerJson) {
        List<String> canonical = Json.strings(answerJson);
        if (!q.type().choice()) {
            return canonical;
        }
        int[] order = AttemptItem.order(optionOrder);
        TreeSet<Integer> shown = new TreeSet<>();
        for (String c : canonical) {
            int orig = Integer.parseInt(c);
            for (int j = 0; j < order.length; j++) {
                if (order[j] == orig) {
                    shown.add(j);
                }
            }
        }
        return shown.stream().map(String::valueOf).toList();
    }

    /** Displayed answer → canonical (original option indexes, sorted); 400 on a malformed answer. */
    static List<String> canonical(QuestionCache.Q q, AttemptItem i, List<String> displayed) {
        List<String> given = displayed == null ? List.of() : displayed;
        switch (q.type()) {
            case SINGLE, MULTIPLE: {
                int[] order = i.order();
                TreeSet<Integer> orig = new TreeSet<>();
                for (String s : given) {
                    int j;
                    try {
                        j = Integer.parseInt(s);
                    } catch (NumberFormatException e) {
                        throw InvalidException.field("answer", "answer.option_index");
                    }
                    if (j < 0 || j >= order.length) {
                        throw InvalidException.field("answer", "answer.no_such_option");
                    }
                    orig.add(order[j]);
                }
                if (q.type() == QuestionType.SINGLE && orig.size() > 1) {
                    throw InvalidException.field("answer", "answer.single_one");
                }
                return orig.stream().map(String::valueOf).toList();
            }
            case TRUE_FALSE:
                if (given.size() > 1 || (given.size() == 1 && !given.get(0).matches("[01]"))) {
                    throw InvalidException.field("answer", "answer.true_false");
                }
                return given;
            default:
                if (given.size() > 1) {
                    throw InvalidException.field("answer", "answer.one_text");
                }
                if (!given.isEmpty() && given.get(0).length() > MAX_TEXT) {
                    throw InvalidException.field("answer", "answer.too_long", MAX_TEXT);
                }
                return given.isEmpty() || given.get(0).isBlank() ? List.of() : given;
        }
    }

    static String letters(List<String> displayed) {
        return String.join("", displayed.stream().map(s -> String.valueOf((char) ('A' + Integer.parseInt(s)))).toList());
    }

    static String answerText(QuestionCache.Q q, AttemptItem i, List<String> displayed) {
        if (displayed.isEmpty()) {
            return "";
        }
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> letters(displayed);
            case TRUE_FALSE -> displayed.get(0).equals("1") ? QuestionFields.TRUE : QuestionFields.FALSE;
            default -> displayed.get(0);
        };
    }

    /** The key in the candidate's displayed option order. */
    static String keyText(QuestionCache.Q q, AttemptItem i) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                int[] order = i.order();
                TreeSet<Integer> shown = new TreeSet<>();
                for (String k : q.key()) {
                    for (int j = 0; j < order.length; j++) {
                        if (order[j] == Integer.parseInt(k)) {
                            shown.add(j);
                        }
                    }
                }
                yield letters(shown.stream().map(String::valueOf).toList());
            }
            case TRUE_FALSE -> q.key().equals(List.of("1")) ? QuestionFields.TRUE : QuestionFields.FALSE;
            case FILL -> String.join(" / ", q.key());
            case CASE_ANALYSIS -> "";
        };
    }
}
