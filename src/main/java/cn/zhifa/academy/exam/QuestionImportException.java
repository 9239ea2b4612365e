package cn.zhifa.academy.exam;

import java.util.List;

import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.ProblemException;

/** Questions did not validate; nothing was written. 422 with every bad cell. */
public class QuestionImportException extends ProblemException {

    private final List<ImportProblem> problems;

    public QuestionImportException(List<ImportProblem> problems) {
        super(422, "Questions have errors", problems.size() + " 处错误，未导入任何题目。",
                problems.stream().map(p -> new Problem.FieldError(
                        (p.file() == null ? "" : p.file() + ":") + p.line() + ":" + p.column(), p.message())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
