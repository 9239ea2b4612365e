package cn.zhifa.academy.platform.security;

import java.util.List;

/** Role names as stored in {@code account.roles} and used in {@code @RolesAllowed}. */
public final class Roles {
    /** 学员 */
    public static final String LEARNER = "learner";
    /** 培训师 */
    public static final String TRAINER = "trainer";
    /** 管理员, scoped to an organisation subtree */
    public static final String ADMIN = "admin";
    /** 第三方机构管理员, scoped to one provider */
    public static final String PROVIDER_MANAGER = "provider_manager";
    /** 系统管理员 */
    public static final String SYSADMIN = "sysadmin";

    public static final List<String> ALL = List.of(LEARNER, TRAINER, ADMIN, PROVIDER_MANAGER, SYSADMIN);

    private Roles() {
    }
}
