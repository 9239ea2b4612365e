package cn.zhifa.academy.exam.bank;

import java.util.List;

import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.UnprocessableException;

/**
 * Questions did not validate; nothing was written. 422 with every bad cell (field
 * {@code [file:]line:column}, the problem's key and arguments), shown in the reader's language.
 * A page that shows a form again reads the rows in their own shape ({@link #rowsOf}).
 */
public class QuestionImportException extends UnprocessableException {

    private final List<ImportProblem> problems;

    public QuestionImportException(List<ImportProblem> problems) {
        super(problems.stream().map(p -> new FieldError(
                (p.file() == null ? "" : p.file() + ":") + p.line() + ":" + p.column(), p.key(), p.args())).toList(),
                "question.import.refused", new Object[] { problems.size() });
        this.problems = List.copyOf(problems);
        titled("Questions have errors");
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /**
     * The rows a form shows for a refusal: the bad fields of the questions, or the refusal's
     * message as the one row when something else was refused.
     */
    public static List<ImportProblem> rowsOf(cn.zhifa.academy.platform.web.FormErrors.Refusal refused) {
        return refused.error() instanceof QuestionImportException q ? q.problems()
                : List.of(new ImportProblem(null, 1, "", refused.message()));
    }
}
