package cn.zhifa.academy.platform.web;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.ProviderNames;
import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The home page: who you are, what you may manage, where to go next. */
@Path("/")
@Authenticated
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        /**
         * @param roleKeys message keys of the user's roles
         * @param scopeName the root unit of an admin's scope, or null
         * @param scopeKey message key describing the scope when there is no unit
         */
        static native TemplateInstance index(List<String> roleKeys, String scopeName, String scopeKey,
                List<HomeTodo.Item> todos);
    }

    @Inject
    CurrentUser user;

    @Inject
    OrgScope scope;

    @Inject
    OrgHierarchy tree;

    @Inject
    ProviderNames providerNames;

    @Inject
    jakarta.enterprise.inject.Instance<HomeTodo> todoSources;

    @Inject
    LocaleContext localeContext;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        Account account = user.require();
        if (account.mustChangePassword) {
            return Response.seeOther(URI.create("/account/password")).build();
        }
        List<String> roleKeys = Roles.ALL.stream().filter(user::hasRole).map(r -> "role_" + r).toList();
        OrgScope.UnitFilter f = scope.unitFilter();
        String scopeName = f instanceof OrgScope.Subtree s ? tree.nameOf(s.rootId()).orElse(null) : null;
        String scopeKey = f instanceof OrgScope.All ? "home_scope_all" : "home_scope_none";
        if (scopeName == null && user.isProviderManager() && user.getProviderId() != null) {
            // a provider manager manages their organisation's staff, not "only themselves"
            scopeName = providerNames.nameOf(user.getProviderId()).orElse(null);
        }
        List<HomeTodo.Item> todos = new java.util.ArrayList<>();
        for (HomeTodo source : todoSources) {
            todos.addAll(source.items(localeContext.getLocale()));
        }
        todos.sort(java.util.Comparator.comparingInt(HomeTodo.Item::order));
        return Response.ok(Templates.index(roleKeys, scopeName, scopeKey, todos)).build();
    }
}
