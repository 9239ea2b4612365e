package cn.zhifa.academy.people;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Filters, search, paging and sorting of a people list; bound from query parameters. */
public class PersonQuery {

    @QueryParam("category")
    public PersonCategory category;

    @QueryParam("grade")
    public Grade grade;

    /** Only people in this unit's subtree. */
    @QueryParam("unit")
    public Long unitId;

    @QueryParam("domain")
    public Long domainId;

    @QueryParam("status")
    public EmploymentStatus status;

    @QueryParam("provider")
    public Long providerId;

    /** Part of a name, or the start of an employee number. */
    @QueryParam("q")
    public String q;

    @QueryParam("page")
    @DefaultValue("0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    public int size;

    /** name, employeeNo, category, grade, status or updatedAt. */
    @QueryParam("sort")
    @DefaultValue("name")
    public String sort;

    @QueryParam("dir")
    @DefaultValue("asc")
    public String dir;

    public int safeSize() {
        return Math.max(1, Math.min(size, 200));
    }

    public int safePage() {
        return Math.max(0, page);
    }
}
