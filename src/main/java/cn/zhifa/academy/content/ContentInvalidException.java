package cn.zhifa.academy.content;

import java.util.List;

import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.ProblemException;

/** A content folder did not validate; nothing was written. Answered as 422 with every problem. */
public class ContentInvalidException extends ProblemException {

    private final List<ContentProblem> problems;

    public ContentInvalidException(List<ContentProblem> problems) {
        super(422, "Content has errors", problems.size() + " problem(s); nothing was imported.",
                problems.stream().map(p -> new Problem.FieldError(p.file() + (p.line() > 0 ? ":" + p.line() : ""),
                        p.message())).toList());
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
