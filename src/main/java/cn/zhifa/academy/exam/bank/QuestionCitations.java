package cn.zhifa.academy.exam.bank;

import static cn.zhifa.academy.exam.bank.QuestionRules.problem;
import static cn.zhifa.academy.exam.bank.QuestionRules.trim;

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
            p.add(problem(in, QuestionFields.LAW, "question.required"));
        } else if (law.isEmpty()) {
            p.add(problem(in, QuestionFields.LAW, "question.law_unknown", lawName));
        }
        TreeSet<Integer> articles = new TreeSet<>();
        String articleText = trim(in.articles());
        if (!articleText.isEmpty()) {
            for (String a : articleText.split(QuestionFields.ARTICLE_SEPARATORS)) {
                try {
                    int n = Integer.parseInt(a.trim());
                    if (n <= 0 || (law.isPresent() && law.get().articles() > 0 && n > law.get().articles())) {
                        p.add(law.map(l -> problem(in, QuestionFields.ARTICLES, "question.article_missing", l.name(), n))
                                .orElseGet(() -> problem(in, QuestionFields.ARTICLES, "question.article_positive")));
                    } else {
                        articles.add(n);
                    }
                } catch (NumberFormatException e) {
                    p.add(problem(in, QuestionFields.ARTICLES, "question.article_number", a));
                }
            }
        } else if (type.map(QuestionType::objective).orElse(true)) {
            p.add(problem(in, QuestionFields.ARTICLES, "question.articles_required"));
        }
        return new Citation(law, articles);
    }
}
