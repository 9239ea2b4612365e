package cn.zhifa.academy.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.exam.delivery.DeliveryService;
import cn.zhifa.academy.exam.delivery.DeliveryViews;
import cn.zhifa.academy.exam.grading.GradingQueue;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.web.HomeTodo;
import cn.zhifa.academy.platform.web.UxMessages;

/** Home to-dos of exams: a candidate's open exams; a grader's answers waiting to be graded. */
@ApplicationScoped
public class ExamTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    DeliveryService delivery;

    @Inject
    GradingQueue grading;

    @Override
    public List<Item> items(Locale locale) {
        UxMessages m = HomeTodo.text(locale);
        List<Item> out = new ArrayList<>();
        if (user.getPersonId() != null) {
            List<DeliveryViews.MyExam> open = delivery.myExams(user.getPersonId()).stream()
                    .filter(e -> e.state().equals("OPEN") || e.state().equals("IN_PROGRESS")).toList();
            if (!open.isEmpty()) {
                out.add(new Item("todo-exams", 20, m.todo_open_exams(open.size()),
                        String.join(ExamText.exam(locale).list_sep(), open.stream().map(DeliveryViews.MyExam::title).limit(3).toList()), "/exams", true));
            }
        }
        if (user.isTrainer() || user.isAdmin() || user.isSysadmin()) {
            int pending = grading.pending(null, 200).size();
            if (pending > 0) {
                out.add(new Item("todo-grading", 30, m.todo_grading(pending), null, "/exam-admin/grading", false));
            }
        }
        return out;
    }
}
