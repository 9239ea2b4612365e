package cn.zhifa.academy.exam;

import static cn.zhifa.academy.exam.QuestionRules.problem;
import static cn.zhifa.academy.exam.QuestionRules.trim;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import cn.zhifa.academy.content.Laws;

/**
 * The law a question cites and its articles (part of {@link QuestionRules}): the law must be in
 * the registry, each article must exist in it, and objective questions must name articles.
 */
final class QuestionCitations {

    /** The cited law (empty when unknown, a problem then) and the article numbers in order. */
    record Citation(Optional<Laws.Law> law, TreeSet<Integer> articles) {
    }

    private QuestionCitations() {
    }

    static Citation check(QuestionInput in, Optional<QuestionType> type, List<ImportProblem> p) {
        String lawName = trim(in.law());
        Optional<Laws.Law> law = Laws.find(lawName);
        if (lawName.isEmpty()) {
            p.add(problem(in, "法律", "不能为空"));
        } else if (law.isEmpty()) {
            p.add(problem(in, "法律", "未知的法律“" + lawName + "”"));
        }
        TreeSet<Integer> articles = new TreeSet<>();
        String articleText = trim(in.articles());
        if (!articleText.isEmpty()) {
            for (String a : articleText.split("[,，、\\s]+")) {
                try {
                    int n = Integer.parseInt(a.trim());
                    if (n <= 0 || (law.isPresent() && law.get().articles() > 0 && n > law.get().articles())) {
                        p.add(problem(in, "条款", law.map(l -> "《" + l.name() + "》没有第" + n + "条").orElse("条号应为正整数")));
                    } else {
                        articles.add(n);
                    }
                } catch (NumberFormatException e) {
                    p.add(problem(in, "条款", "条号应为数字，如 33 或 33,34，而不是“" + a + "”"));
                }
            }
        } else if (type.map(QuestionType::objective).orElse(true)) {
            p.add(problem(in, "条款", "请填写解析引用的条号"));
        }
        return new Citation(law, articles);
    }
}
