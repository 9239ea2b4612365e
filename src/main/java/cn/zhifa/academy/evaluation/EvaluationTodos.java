package cn.zhifa.academy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.web.HomeTodo;
import cn.zhifa.academy.platform.web.UxMessages;

/** Home to-dos of assessments: an administrator's open (not yet locked) assessments in scope. */
@ApplicationScoped
public class EvaluationTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    EvaluationService evaluations;

    @Override
    @Transactional
    public List<Item> items(Locale locale) {
        List<Item> out = new ArrayList<>();
        if (!(user.isAdmin() || user.isSysadmin())) {
            return out;
        }
        UxMessages m = HomeTodo.text(locale);
        long open = evaluations.list(SubjectKind.AUXILIARY, null, null, 500).stream().filter(e -> !e.isConfirmed()).count();
        if (open > 0) {
            out.add(new Item("todo-assessments", 45, m.todo_assessments_open(open), null, "/evaluations", false));
        }
        return out;
    }
}
