package cn.zhifa.academy.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The test profile's JDBC driver (quarkus.datasource.jdbc.driver): PostgreSQL's, with every
 * connection of the pool wrapped so that each statement sent to the database — through
 * Hibernate or plain JDBC, identity lookups included — and each commit and rollback is reported
 * to {@link StatementProbe}, which counts it for the HTTP request it belongs to. Costs nothing
 * measurable when no request is probed (one context lookup per statement).
 */
public class CountingDriver implements Driver {

    private final Driver delegate = new org.postgresql.Driver();

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = delegate.connect(url, info);
        return c == null ? null : wrap(Connection.class, c, null);
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T target, String sql) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] { type },
                new Handler(target, sql));
    }

    private record Handler(Object target, String sql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("isWrapperFor") && args != null && ((Class<?>) args[0]).isInstance(proxy)) {
                return true;
            }
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback") && args == null)) {
                StatementProbe.record(name.toUpperCase());
            } else if (target instanceof Statement && EXECUTES.contains(name)) {
                StatementProbe.record(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (target instanceof Connection && result instanceof Statement s) {
                Class<?> type = m.getReturnType();
                String text = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                return wrap(statementType(type), s, text);
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        private static Class<Statement> statementType(Class<?> declared) {
            return (Class<Statement>) declared;
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return delegate.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return delegate.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return delegate.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return delegate.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return delegate.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }
}
