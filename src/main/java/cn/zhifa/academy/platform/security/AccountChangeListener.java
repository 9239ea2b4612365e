package cn.zhifa.academy.platform.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link IdentityCache} true on every node: one dedicated PostgreSQL connection (outside the
 * pool, which resets sessions) LISTENs on "account_changed", which a trigger on the account table
 * NOTIFYs at commit. A lost connection is re-opened with a growing pause; until it is back the
 * cache falls back to a short TTL, and after every (re)connect the whole cache is dropped, since
 * notifications sent meanwhile are lost.
 */
@Singleton
public class AccountChangeListener {

    private static final Logger LOG = Logger.getLogger(AccountChangeListener.class);
    static final String CHANNEL = "account_changed";

    @Inject
    IdentityCache cache;

    @Inject
    AcademyConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "account-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long pause = 500;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password.orElse(""))) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.invalidateAll(); // whatever changed while nobody listened
                cache.setListening(true);
                LOG.debugf("listening for account changes on %s", CHANNEL);
                pause = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] batch = pg.getNotifications(10_000);
                    if (batch == null) {
                        // a round trip proves the connection is alive (getNotifications alone may not notice)
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification n : batch) {
                        handle(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.setListening(false);
                if (running) {
                    LOG.warnf("account change listener lost (%s); identities are cached for %s until it is back",
                            e.getMessage(), config.security().identityCacheFallbackTtl());
                }
            } finally {
                cache.setListening(false);
                connection = null;
            }
            sleep(pause);
            pause = Math.min(pause * 2, Duration.ofSeconds(30).toMillis());
        }
    }

    /** Payload "&lt;schema&gt; &lt;username&gt;"; other schemas of the same database are not ours. */
    void handle(String payload) {
        int space = payload == null ? -1 : payload.indexOf(' ');
        if (space < 0) {
            cache.invalidateAll();
            return;
        }
        if (payload.substring(0, space).equals(config.dbSchema())) {
            cache.invalidate(payload.substring(space + 1));
        }
    }

    /** Closes the listening connection (tests use it to simulate a lost listener). */
    void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
