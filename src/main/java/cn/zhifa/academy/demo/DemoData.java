package cn.zhifa.academy.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.organization.OrgService;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.runtime.StartupEvent;

/**
 * The sample city 示范市 with its districts, towns and departments, and one demo account per
 * role (README lists them). Loaded once, when {@code academy.demo.enabled} and the database
 * has no organisation yet; production disables it.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    AcademyConfig config;

    @Inject
    OrgService orgs;

    @Inject
    AccountService accounts;

    @Transactional
    void load(@Observes @Priority(20) StartupEvent event) {
        if (!config.demo().enabled() || OrgUnit.count() > 0) {
            return;
        }
        OrgUnit city = orgs.create(null, "SFS", "示范市", OrgLevel.CITY, null, 0);
        orgs.createDepartment(city, "SFS-ZF", "市综合行政执法局");
        orgs.createDepartment(city, "SFS-SJ", "市市场监督管理局");
        orgs.createDepartment(city, "SFS-SF", "市司法局");

        OrgUnit linjiang = district(city, "SFS-LJ", "临江区", 1);
        OrgUnit jiangbin = town(linjiang, "SFS-LJ-JB", "江滨街道", "城区街道", 1);
        town(linjiang, "SFS-LJ-WJ", "望江街道", "城区街道", 2);
        OrgUnit qingshan = district(city, "SFS-QS", "青山区", 2);
        town(qingshan, "SFS-QS-QS", "青山镇", "中心镇", 1);
        town(qingshan, "SFS-QS-SM", "石门街道", "城区街道", 2);
        OrgUnit yunxi = district(city, "SFS-YX", "云溪县", 3);
        town(yunxi, "SFS-YX-YX", "云溪镇", "中心镇", 1);
        town(yunxi, "SFS-YX-BS", "白沙乡", "一般乡镇", 2);

        String pw = config.demo().password();
        accounts.create("sysadmin", "系统管理员", pw, Roles.SYSADMIN, null, null, false);
        accounts.create("admin", "张敏（市级管理员）", pw, Roles.ADMIN, city.id, null, false);
        accounts.create("admin.linjiang", "陈晓（临江区管理员）", pw, Roles.ADMIN, linjiang.id, null, false);
        accounts.create("trainer", "王磊（培训师）", pw, Roles.TRAINER, city.id, null, false);
        accounts.create("learner", "李强（江滨街道执法队员）", pw, Roles.LEARNER, jiangbin.id, null, false);
        accounts.create("provider", "赵静（第三方机构管理员）", pw, Roles.PROVIDER_MANAGER, null, null, false);
        LOG.infof("demo data loaded: 示范市 with %d units and %d accounts (password in README)", OrgUnit.count(),
                Account.count());
    }

    private OrgUnit district(OrgUnit city, String code, String name, int order) {
        OrgUnit d = orgs.create(city, code, name, OrgLevel.DISTRICT, null, order);
        orgs.createDepartment(d, code + "-ZF", name + "综合行政执法局");
        orgs.createDepartment(d, code + "-SJ", name + "市场监督管理局");
        return d;
    }

    private OrgUnit town(OrgUnit district, String code, String name, String type, int order) {
        OrgUnit t = orgs.create(district, code, name, OrgLevel.TOWN, type, order);
        orgs.createDepartment(t, code + "-ZFD", name + "综合行政执法队");
        return t;
    }
}
