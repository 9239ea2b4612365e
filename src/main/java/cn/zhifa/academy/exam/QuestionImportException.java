package cn.zhifa.academy.exam;

import java.util.List;
import java.util.Locale;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.ProblemException;

/**
 * Questions did not validate; nothing was written. 422 with every bad cell, in the language of
 * the request that was refused.
 */
public class QuestionImportException extends ProblemException {

    private final List<ImportProblem> problems;

    public QuestionImportException(List<ImportProblem> problems) {
        this(problems, ErrorTexts.currentLocale());
    }

    private QuestionImportException(List<ImportProblem> problems, Locale locale) {
        super(422, "Questions have errors", ErrorTexts.text(locale, "question.import.refused", problems.size()),
                problems.stream().map(p -> new Problem.FieldError(
                        (p.file() == null ? "" : p.file() + ":") + p.line() + ":" + p.column(), p.text(locale))).toList());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
