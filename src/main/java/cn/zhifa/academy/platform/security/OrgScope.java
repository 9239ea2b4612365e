package cn.zhifa.academy.platform.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;

/**
 * The organisation-scope hook every feature calls before it reads or changes records of a
 * unit or provider (组织范围). A system administrator acts everywhere; an administrator only
 * inside the subtree of their unit; a provider manager only for their provider. Everyone
 * else has no organisation scope and sees only their own records.
 *
 * <p>This class is also the only place where the rule is written as a query: {@link #pathWithin}
 * (a unit's materialised path lies in a subtree) and {@link #unitWithin} (a unit id names such a
 * unit), bound with {@link #subtreePattern}; {@link UnitFilter#onPath} and {@link UnitFilter#onUnit}
 * turn a filter into a condition with its parameter, and {@link UnitFilter#containsPath} is the
 * same rule in memory. Features never write the {@code LIKE} themselves.
 */
@RequestScoped
public class OrgScope {

    @Inject
    CurrentUser user;

    @Inject
    OrgHierarchy tree;

    /**
     * The scope rule in query form (HQL and SQL alike): the unit whose materialised path is
     * {@code pathExpr} lies in the subtree given by {@code pattern}, a parameter (":name" or "?n")
     * bound to {@link #subtreePattern}, or an SQL expression yielding such a pattern.
     */
    public static String pathWithin(String pathExpr, String pattern) {
        return pathExpr + " LIKE " + pattern;
    }

    /** HQL: the unit id expression names a unit in the subtree bound to {@code pattern}. */
    public static String unitWithin(String unitIdExpr, String pattern) {
        return unitIdExpr + " IN (SELECT scope_u.id FROM OrgUnit scope_u WHERE " + pathWithin("scope_u.path", pattern) + ")";
    }

    /** The value bound to a {@link #pathWithin} parameter: the subtree of the unit with this path. */
    public static String subtreePattern(String pathPrefix) {
        return pathPrefix + "%";
    }

    /** A query condition and its one parameter ({@code param} null when the condition needs none). */
    public record Condition(String text, String param, Object value) {

        /** The parameter as a map (empty without one), for named-parameter queries. */
        public Map<String, Object> params() {
            return param == null ? Map.of() : Map.of(param.substring(1), value);
        }

        /** Binds the parameter, named (":x") or positional ("?n"), to the query. */
        public <Q extends jakarta.persistence.Query> Q bind(Q q) {
            if (param != null) {
                if (param.startsWith("?")) {
                    q.setParameter(Integer.parseInt(param.substring(1)), value);
                } else {
                    q.setParameter(param.substring(1), value);
                }
            }
            return q;
        }
    }

    /** What the current user may see, as a filter for queries over units. */
    public sealed interface UnitFilter permits All, Subtree, NoUnits {

        /** The filter as a condition on a unit's path ({@code u.path}), HQL or SQL. */
        default Condition onPath(String pathExpr, String param) {
            if (this instanceof Subtree s) {
                return new Condition(pathWithin(pathExpr, param), param, subtreePattern(s.pathPrefix()));
            }
            return constant(param);
        }

        /** The filter as an HQL condition on a unit id ({@code p.unitId}). */
        default Condition onUnit(String unitIdExpr, String param) {
            if (this instanceof Subtree s) {
                return new Condition(unitWithin(unitIdExpr, param), param, subtreePattern(s.pathPrefix()));
            }
            return constant(param);
        }

        /**
         * Everything or nothing, still consuming the parameter: a query numbers its positional
         * parameters around the scope's ("?1" scope, "?2" exam…), so the parameter must exist
         * whatever the viewer's filter is.
         */
        private Condition constant(String param) {
            if (param == null) {
                return new Condition(this instanceof All ? "1 = 1" : "1 = 0", null, null);
            }
            return new Condition(this instanceof All ? "(" + param + " IS NOT NULL)" : "(" + param + " IS NULL)", param,
                    subtreePattern(""));
        }

        /** The same rule in memory, for a unit's materialised path (null = no unit). */
        default boolean containsPath(String path) {
            if (this instanceof All) {
                return true;
            }
            return this instanceof Subtree s && path != null && path.startsWith(s.pathPrefix());
        }
    }

    /** Every unit. */
    public record All() implements UnitFilter {
    }

    /** Units whose path starts with {@code pathPrefix}. */
    public record Subtree(long rootId, String pathPrefix) implements UnitFilter {
    }

    /** No unit at all. */
    public record NoUnits() implements UnitFilter {
    }

    public UnitFilter unitFilter() {
        return filter(user.isAdmin());
    }

    /**
     * The units whose exams, blueprints and exam audiences the user may author: an
     * administrator's or a trainer's own subtree (a system administrator everything). What a
     * trainer may do inside it is narrower; the exam feature decides that.
     */
    public UnitFilter authoringFilter() {
        return filter(user.isAdmin() || user.isTrainer());
    }

    private UnitFilter filter(boolean scopedRole) {
        if (user.isSysadmin()) {
            return new All();
        }
        if (scopedRole && user.getOrgUnitId() != null) {
            Optional<String> path = tree.pathOf(user.getOrgUnitId());
            if (path.isPresent()) {
                return new Subtree(user.getOrgUnitId(), path.get());
            }
        }
        return new NoUnits();
    }

    /** Whether the unit lies within the filter (false for a unit that does not exist). */
    public boolean contains(UnitFilter f, long unitId) {
        if (f instanceof All) {
            return true;
        }
        return f instanceof Subtree && tree.pathOf(unitId).map(f::containsPath).orElse(false);
    }

    public boolean canActOnUnit(long unitId) {
        return contains(unitFilter(), unitId);
    }

    /** Throws 403 unless the current user may act on the unit. */
    public void requireUnit(long unitId) {
        if (!canActOnUnit(unitId)) {
            throw new ForbiddenException("unit " + unitId + " is outside your organisation scope");
        }
    }

    public boolean canActOnProvider(long providerId) {
        if (user.isSysadmin()) {
            return true;
        }
        return user.isProviderManager() && user.getProviderId() != null && user.getProviderId() == providerId;
    }

    /** Throws 403 unless the current user may act for the provider. */
    public void requireProvider(long providerId) {
        if (!canActOnProvider(providerId)) {
            throw new ForbiddenException("provider " + providerId + " is outside your scope");
        }
    }
}
