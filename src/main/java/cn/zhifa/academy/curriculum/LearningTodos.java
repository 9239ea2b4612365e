package cn.zhifa.academy.curriculum;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.HomeTodo;
import cn.zhifa.academy.platform.web.UxMessages;

/** Home to-dos of learning: a learner's plan courses still to finish; a trainer's draft courses. */
@ApplicationScoped
public class LearningTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    LearningService learning;

    @Override
    @Transactional
    public List<Item> items(Locale locale) {
        UxMessages m = HomeTodo.text(locale);
        List<Item> out = new ArrayList<>();
        if (user.getPersonId() != null) {
            LocalDate today = Now.today();
            for (LearningService.PlanState p : learning.myLearning().plans()) {
                List<LearningService.CourseState> open = p.courses().stream().filter(c -> !c.completed()).toList();
                if (open.isEmpty()) {
                    continue;
                }
                long days = ChronoUnit.DAYS.between(today, p.dueDate());
                // the next course to take: the first one not completed and not locked
                String next = open.stream().filter(c -> !c.locked()).map(c -> "/learn/courses/" + c.code()).findFirst()
                        .orElse("/learn");
                out.add(new Item("todo-plan-" + p.planId(), 10, m.todo_plan_courses(p.title(), open.size()),
                        m.todo_due(p.dueDate().toString(), days), next, days <= 30));
            }
        }
        if (user.isTrainer() || user.isSysadmin()) {
            long drafts = Course.count("status", Course.Status.DRAFT);
            if (drafts > 0) {
                out.add(new Item("todo-course-drafts", 40, m.todo_course_drafts(drafts), null, "/authoring/courses", false));
            }
        }
        return out;
    }
}
