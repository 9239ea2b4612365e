package cn.zhifa.academy.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.provider.ProviderRecordSection;
import cn.zhifa.academy.platform.web.RecordTable;
import cn.zhifa.academy.provider.ProviderRecordSection;

/** A provider's page: its staff with their qualification states and the share holding a valid one. */
@ApplicationScoped
public class ProviderStaffSection implements ProviderRecordSection {

    @Inject
    PeopleDirectory directory;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationJobs jobs;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<RecordTable> forProvider(long providerId, Locale locale) {
        QualMessages m = QualText.of(locale);
        boolean en = locale != null && "en".equals(locale.getLanguage());
        List<List<String>> rows = new ArrayList<>();
        List<PersonSummary> staff = directory.activeOfProvider(providerId);
        // every staff member's qualifications in one query and one pass of views (no query per person)
        java.util.Map<Long, List<QualificationQueries.View>> byPerson = staff.isEmpty() ? java.util.Map.of()
                : queries.views(Qualification.<Qualification> list("personId IN ?1 ORDER BY typeId, domainCode",
                        staff.stream().map(PersonSummary::id).toList()), jobs.today()).stream().collect(java.util.stream.Collectors.groupingBy(QualificationQueries.View::personId));
        for (PersonSummary p : staff) {
            List<QualificationQueries.View> qs = byPerson.getOrDefault(p.id(), List.of());
            if (qs.isEmpty()) {
                rows.add(List.of(p.name(), p.employeeNo(), "-", m.prov_staff_none(), "-"));
            }
            for (QualificationQueries.View v : qs) {
                rows.add(List.of(p.name(), p.employeeNo(), en ? v.typeNameEn() : v.typeName(), QualText.state(m, v.state()),
                        v.expiresOn().toString()));
            }
        }
        QualificationQueries.Share share = queries.qualifiedShare(providerId);
        return Optional.of(new RecordTable("staff-qualifications", m.prov_staff_title(), List.of(m.col_holder(),
                m.col_employee_no(), m.col_type(), m.col_state(), m.col_expires()), rows,
                m.prov_staff_summary(share.qualified(), share.staff(), share.percent()), m.prov_staff_empty()));
    }
}
