package cn.zhifa.academy.qualification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import io.quarkus.security.ForbiddenException;

/**
 * Who may see and change which qualifications: the holder's visibility follows
 * {@link PeopleScope} (admins their subtree, the learner only themselves); changes are for
 * administrators whose subtree holds the person. Out of scope reads are 404, writes 403.
 */
@RequestScoped
public class QualificationAccess {

    @Inject
    PeopleDirectory directory;

    @Inject
    PeopleScope people;

    @Inject
    OrgScope orgScope;

    @Inject
    CurrentUser user;

    public PersonSummary visiblePerson(long personId) {
        PersonSummary p = directory.find(personId).orElse(null);
        if (p == null || !people.canSee(p)) {
            throw new NotFoundException("person.not_found", personId);
        }
        return p;
    }

    public Qualification visible(long id) {
        Qualification q = Qualification.findById(id);
        if (q == null || !people.canSee(directory.find(q.personId).orElse(null))) {
            throw new NotFoundException("qualification.not_found", id);
        }
        return q;
    }

    public Qualification manageable(long id) {
        Qualification q = visible(id);
        if (!canManage(q)) {
            throw new ForbiddenException("qualification " + id + " is not yours to change");
        }
        return q;
    }

    public boolean canManage(Qualification q) {
        return people.canManage(directory.find(q.personId).orElse(null));
    }

    public void requireManagePerson(long personId) {
        PersonSummary p = visiblePerson(personId);
        if (!people.canManage(p)) {
            throw new ForbiddenException("person " + personId + " is not yours to change");
        }
    }

    /** Unit-path prefix for lists: null = all (sysadmin); "" never matches for non-admins. */
    public String listPrefix() {
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            return null;
        }
        if (f instanceof OrgScope.Subtree s) {
            return s.pathPrefix();
        }
        return "\u0000none";
    }

    public boolean isManager() {
        return user.isAdmin() || user.isSysadmin();
    }

    public String actor() {
        return user.getUsername();
    }

    public Long personId() {
        return user.getPersonId();
    }
}
