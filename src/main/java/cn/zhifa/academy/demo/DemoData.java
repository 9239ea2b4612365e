package cn.zhifa.academy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.organization.Department;
import cn.zhifa.academy.organization.EnforcementDomain;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.organization.OrgService;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.IdNumberHasher;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.people.PersonStatusChange;
import cn.zhifa.academy.people.ResidentIds;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.CreditCodes;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.provider.ProviderStatus;
import io.quarkus.runtime.StartupEvent;

/**
 * The sample city 示范市: three districts, six towns, departments in the "1+6" domains, about
 * 300 people of every category and grade, three providers with staff, and one demo account per
 * role (README lists them). Loaded once, when {@code academy.demo.enabled} and the database has
 * no organisation yet; production disables it. Everything is generated deterministically, and
 * every ID number and credit code carries a correct check character.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Sector departments of a city or district, by domain code (the "1+6"). */
    private static final Map<String, String> SECTORS = Map.of("ZHZF", "综合行政执法局", "SCJG", "市场监督管理局",
            "STHJ", "生态环境局", "JTYS", "交通运输局", "WHSC", "文化市场综合执法队", "NYNC", "农业农村局", "YJGL", "应急管理局");
    private static final List<String> SECTOR_ORDER = List.of("ZHZF", "SCJG", "STHJ", "JTYS", "WHSC", "NYNC", "YJGL");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东", "海燕", "志强", "文博", "思远", "子涵", "雨萱",
            "浩然", "佳怡", "宇航", "欣怡", "俊杰", "梦琪", "建国", "丽华", "晨阳", "一鸣" };

    @Inject
    AcademyConfig config;

    @Inject
    OrgService orgs;

    @Inject
    AccountService accounts;

    @Inject
    IdNumberHasher idHasher;

    private int serial;

    @Transactional
    void load(@Observes @Priority(20) StartupEvent event) {
        if (!config.demo().enabled() || OrgUnit.count() > 0) {
            return;
        }
        Map<String, EnforcementDomain> domains = new java.util.HashMap<>();
        EnforcementDomain.<EnforcementDomain> listAll().forEach(d -> domains.put(d.code, d));

        OrgUnit city = orgs.create(null, "SFS", "示范市", OrgLevel.CITY, null, 0);
        sectors(city, "市", domains);
        orgs.createDepartment(city, "SFS-SF", "市司法局");

        OrgUnit linjiang = district(city, "SFS-LJ", "临江区", 1, domains);
        OrgUnit jiangbin = town(linjiang, "SFS-LJ-JB", "江滨街道", "城区街道", 1, domains);
        town(linjiang, "SFS-LJ-WJ", "望江街道", "城区街道", 2, domains);
        OrgUnit qingshan = district(city, "SFS-QS", "青山区", 2, domains);
        town(qingshan, "SFS-QS-QS", "青山镇", "中心镇", 1, domains);
        town(qingshan, "SFS-QS-SM", "石门街道", "城区街道", 2, domains);
        OrgUnit yunxi = district(city, "SFS-YX", "云溪县", 3, domains);
        town(yunxi, "SFS-YX-YX", "云溪镇", "中心镇", 1, domains);
        town(yunxi, "SFS-YX-BS", "白沙乡", "一般乡镇", 2, domains);

        List<Provider> providers = List.of(
                provider(1, "示范市安源安全技术服务有限公司", "安全生产检查辅助,隐患排查", city, domains),
                provider(2, "临江区城联市容管理服务有限公司", "协助巡查,数据录入,违法线索上报", linjiang, domains),
                provider(3, "云溪县绿源环境检测有限公司", "环境监测,采样检测", yunxi, domains));

        Person learner = null;
        for (OrgUnit u : OrgUnit.<OrgUnit> list("ORDER BY path")) {
            List<Department> deps = Department.list("orgUnitId = ?1 ORDER BY code", u.id);
            int size = switch (u.level) {
                case CITY -> 30;
                case DISTRICT -> 40;
                case TOWN -> 25;
            };
            for (int i = 0; i < size; i++) {
                Person p = person(u, deps, i, domains);
                if (learner == null && u.id.equals(jiangbin.id) && p.category == PersonCategory.OFFICER) {
                    p.name = "李强";
                    learner = p;
                }
            }
        }
        for (Provider pr : providers) {
            for (int i = 0; i < 8; i++) {
                staff(pr, i);
            }
        }

        String pw = config.demo().password();
        accounts.create("sysadmin", "系统管理员", pw, Roles.SYSADMIN, null, null, false);
        accounts.create("admin", "张敏（市级管理员）", pw, Roles.ADMIN, city.id, null, false);
        accounts.create("admin.linjiang", "陈晓（临江区管理员）", pw, Roles.ADMIN, linjiang.id, null, false);
        accounts.create("trainer", "王磊（培训师）", pw, Roles.TRAINER, city.id, null, false);
        Account l = accounts.create("learner", "李强（江滨街道执法队员）", pw, Roles.LEARNER, jiangbin.id, null, false);
        l.personId = learner.id;
        accounts.create("provider", "赵静（第三方机构管理员）", pw, Roles.PROVIDER_MANAGER, linjiang.id, providers.get(1).id,
                false);
        LOG.infof("demo data loaded: 示范市 with %d units, %d people, %d providers, %d accounts (password in README)",
                OrgUnit.count(), Person.count(), Provider.count(), Account.count());
    }

    private void sectors(OrgUnit unit, String prefix, Map<String, EnforcementDomain> domains) {
        for (String code : SECTOR_ORDER) {
            String name = unit.level == OrgLevel.CITY ? "市" + SECTORS.get(code) : unit.name + SECTORS.get(code);
            orgs.createDepartment(unit, unit.code + "-" + code, name, domains.get(code));
        }
    }

    private OrgUnit district(OrgUnit city, String code, String name, int order, Map<String, EnforcementDomain> domains) {
        OrgUnit d = orgs.create(city, code, name, OrgLevel.DISTRICT, null, order);
        sectors(d, name, domains);
        return d;
    }

    private OrgUnit town(OrgUnit district, String code, String name, String type, int order,
            Map<String, EnforcementDomain> domains) {
        OrgUnit t = orgs.create(district, code, name, OrgLevel.TOWN, type, order);
        orgs.createDepartment(t, code + "-ZFD", name + "综合行政执法队", domains.get("ZHZF"));
        return t;
    }

    private Provider provider(int n, String name, String services, OrgUnit unit, Map<String, EnforcementDomain> d) {
        Provider p = new Provider();
        String first17 = "91330203MA2" + String.format("%06d", 4100 + n);
        p.creditCode = first17 + CreditCodes.checkCharacter(first17);
        p.name = name;
        p.serviceCategories = services;
        p.commissioningUnitId = unit.id;
        p.contractStart = LocalDate.of(2025, 1, 1);
        p.contractEnd = LocalDate.of(2027, 12, 31);
        p.status = ProviderStatus.ACTIVE;
        p.contactName = name(n * 7);
        p.contactPhone = "1390000" + String.format("%04d", n);
        p.persist();
        return p;
    }

    private Person person(OrgUnit u, List<Department> deps, int i, Map<String, EnforcementDomain> domains) {
        PersonCategory category = u.level == OrgLevel.TOWN
                ? (i % 5 < 2 ? PersonCategory.OFFICER : i % 5 == 2 ? PersonCategory.LEGAL_REVIEWER : PersonCategory.AUXILIARY)
                : (i % 6 < 4 ? PersonCategory.OFFICER : i % 6 == 4 ? PersonCategory.LEGAL_REVIEWER : PersonCategory.AUXILIARY);
        Department dep = deps.isEmpty() ? null : deps.get(i % deps.size());
        Person p = base(u.id, category);
        p.departmentId = dep == null ? null : dep.id;
        if (dep != null && dep.domainId != null) {
            p.domainIds.add(dep.domainId);
        }
        if (category == PersonCategory.LEGAL_REVIEWER || i % 7 == 0) {
            p.domainIds.add(domains.get("TY").id);
        }
        if (category == PersonCategory.OFFICER) {
            p.certNo = "ZJ" + String.format("%08d", 33020000 + serial);
        }
        return save(p);
    }

    private void staff(Provider pr, int i) {
        Person p = base(pr.commissioningUnitId, PersonCategory.PROVIDER_STAFF);
        p.providerId = pr.id;
        save(p);
    }

    private Person base(long unitId, PersonCategory category) {
        int n = ++serial;
        Person p = new Person();
        p.name = name(n);
        p.employeeNo = String.format("SFS%05d", n);
        p.category = category;
        p.grade = Grade.values()[n % 10 < 2 ? 0 : n % 10 < 7 ? 1 : n % 10 < 9 ? 2 : 3];
        p.unitId = unitId;
        p.status = n % 23 == 0 ? EmploymentStatus.ON_LEAVE : n % 37 == 0 ? EmploymentStatus.TRANSFERRED
                : EmploymentStatus.ACTIVE;
        p.statusSince = LocalDate.of(2020 + n % 5, 1 + n % 12, 1 + n % 28);
        String id = idNumber(n);
        p.idHash = idHasher.hash(id);
        p.idMasked = ResidentIds.mask(id);
        p.mobile = "138" + String.format("%08d", 10_000_000 + n * 7919 % 90_000_000);
        return p;
    }

    private Person save(Person p) {
        p.persist();
        PersonStatusChange c = new PersonStatusChange();
        c.personId = p.id;
        c.status = p.status;
        c.since = p.statusSince;
        c.reason = "示例数据";
        c.recordedBy = "system";
        c.persist();
        return p;
    }

    static String name(int n) {
        return SURNAMES.charAt(n * 7 % SURNAMES.length()) + GIVEN[n * 13 % GIVEN.length];
    }

    /** A well-formed ID number: region 3302xx, a birth date from 1965–2000, and its check digit. */
    static String idNumber(int n) {
        String region = "3302" + List.of("03", "05", "06", "11", "12", "25").get(n % 6);
        LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(n * 97L % 12_800);
        String first17 = region + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        return first17 + ResidentIds.checkCharacter(first17);
    }

    /** For tests and the benchmark: valid, distinct ID numbers outside the demo range. */
    public static List<String> idNumbers(int from, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(idNumber(from + i));
        }
        return out;
    }
}
