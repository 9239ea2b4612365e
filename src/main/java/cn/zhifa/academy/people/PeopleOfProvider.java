package cn.zhifa.academy.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.provider.ProviderStaff;

/** A provider's staff for the provider page, through the people search (so within the viewer's scope). */
@ApplicationScoped
public class PeopleOfProvider implements ProviderStaff {

    @Inject
    PeopleService people;

    @Override
    public Page of(long providerId, int limit) {
        PersonQuery q = new PersonQuery();
        q.providerId = providerId;
        q.size = limit;
        q.sort = "name";
        q.dir = "asc";
        PeopleService.Page<PersonView> staff = people.search(q);
        return new Page(staff.items().stream().map(p -> new Member(p.id(), p.name(), p.employeeNo(),
                "status_" + p.status().name(), p.status() == EmploymentStatus.ACTIVE)).toList(), staff.total());
    }
}
