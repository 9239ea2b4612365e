package cn.zhifa.academy.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;

/** The rules for files that belong to no feature record yet (uploads) or to an import. */
public final class StorageMediaRules {

    private StorageMediaRules() {
    }

    /** An upload not attached yet: its uploader and system administrators. */
    @ApplicationScoped
    public static class Upload implements MediaOwnerRule {
        @Inject
        CurrentUser user;

        @Override
        public MediaOwner kind() {
            return MediaOwner.UPLOAD;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            return user.isSysadmin() || m.uploadedBy().equals(user.getUsername());
        }
    }

    /**
     * An import file (roster, question bank): its importer, and administrators whose organisation
     * scope covers the importer's unit (system administrators everywhere).
     */
    @ApplicationScoped
    public static class ImportFile implements MediaOwnerRule {
        @Inject
        CurrentUser user;

        @Inject
        OrgScope scope;

        @Override
        public MediaOwner kind() {
            return MediaOwner.IMPORT_FILE;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            if (user.isSysadmin() || m.uploadedBy().equals(user.getUsername())) {
                return true;
            }
            if (!user.isAdmin()) {
                return false;
            }
            Long unit = Account.findByUsername(m.uploadedBy()).map(a -> a.orgUnitId).orElse(null);
            return unit != null && scope.canActOnUnit(unit);
        }
    }
}
