package cn.zhifa.academy.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.web.HomeTodo;
import cn.zhifa.academy.platform.web.UxMessages;
import cn.zhifa.academy.provider.ProviderDirectory;

/**
 * Home to-dos of qualifications: a holder's certificate expiring or in its renewal window (with
 * the renewal steps); an administrator's expiring qualifications and renewal windows without a
 * renewal exam; a provider manager's staff and how many are qualified.
 */
@ApplicationScoped
public class QualificationTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    ProviderDirectory providers;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationAccess access;

    @Inject
    QualificationJobs jobs;

    @Override
    @Transactional
    public List<Item> items(Locale locale) {
        UxMessages m = HomeTodo.text(locale);
        boolean en = locale != null && "en".equals(locale.getLanguage());
        QualMessages qm = QualText.of(locale);
        List<Item> out = new ArrayList<>();
        if (user.getPersonId() != null) {
            for (QualificationQueries.View q : queries.ofPerson(user.getPersonId(), jobs.today())) {
                if (!q.valid() || !(q.renewalOpen() || q.expiringSoon())) {
                    continue;
                }
                String type = en ? q.typeNameEn() : q.typeName();
                String detail = null;
                if (q.renewalOpen()) {
                    List<String> steps = new ArrayList<>();
                    for (RenewalSteps.Step s : RenewalSteps.renewalSteps(q)) {
                        if (!s.done()) {
                            steps.add(s.exam() ? (s.missing() ? m.todo_renewal_exam_pending() : s.title())
                                    : qm.todo_course_title(s.title()));
                        }
                    }
                    detail = steps.isEmpty() ? null : m.todo_renewal_steps(String.join(qm.list_joiner(), steps));
                }
                out.add(new Item("todo-qual-" + q.id(), 15, m.todo_qual_expiring(type, q.expiresOn().toString(), q.daysLeft()),
                        detail, "/qualifications/" + q.id(), true));
            }
        }
        if (access.isManager()) {
            List<QualificationQueries.View> expiring = queries.list(access.listPrefix(), null, 90, 300, jobs.today());
            if (!expiring.isEmpty()) {
                out.add(new Item("todo-quals-expiring", 50, m.todo_quals_expiring(expiring.size()), null,
                        "/qualifications?expiring=90", false));
            }
            long noExam = expiring.stream().filter(q -> q.renewalOpen() && RenewalSteps.renewalExamMissing(q)).count();
            if (noExam > 0) {
                out.add(new Item("todo-renewal-no-exam", 5, m.todo_renewal_no_exam(noExam), m.todo_renewal_no_exam_detail(),
                        "/qualifications?expiring=90", true));
            }
        }
        if (user.isProviderManager() && user.getProviderId() != null) {
            String name = providers.find(user.getProviderId()).map(ProviderDirectory.ProviderSummary::name).orElse("");
            QualificationQueries.Share share = queries.qualifiedShare(user.getProviderId());
            out.add(new Item("todo-provider-staff", 10, m.todo_provider_staff(name, share.staff(),
                    share.qualified()), m.todo_provider_staff_detail(share.percent()), "/providers/" + user.getProviderId(),
                    share.staff() > share.qualified()));
        }
        return out;
    }
}
