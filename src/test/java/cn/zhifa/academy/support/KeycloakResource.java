package cn.zhifa.academy.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID Connect provider for the single sign-on test: Keycloak's distribution from Maven
 * Central (unpacked under target/keycloak by the build) started in dev mode as a separate process
 * on a free port, with an in-memory database and the realm of
 * {@code src/test/resources/keycloak/academy-realm.json} (client {@code academy}, user
 * {@code zhang.wei} with employee number SSO0001, user {@code stranger} who matches nobody).
 * Keycloak 26 needs Java 21 or newer: the JDK is {@code -Dkeycloak.java.home}, else
 * {@code KEYCLOAK_JAVA_HOME}, else the newest JDK 21+ under /usr/lib/jvm. Started once for the
 * test profile that lists it ({@link SsoProfile}), stopped afterwards.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "academy";
    public static final String CLIENT_ID = "academy";
    public static final String CLIENT_SECRET = "academy-sso-test-client-secret-0123456789";
    public static final String USER_PASSWORD = "Sso-pass-2026";

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            Path home = home();
            Path jdk = javaHome();
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of("src/test/resources/keycloak/academy-realm.json"), imports.resolve("academy-realm.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            int management = freePort();
            Path log = home.getParent().resolve("keycloak-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + management, "--http-host=127.0.0.1",
                    "--db=dev-mem", "--import-realm", "--cache=local")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", jdk.toString());
            pb.environment().put("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.environment().remove("JAVA_OPTS");
            long started = System.nanoTime();
            process = pb.start();
            String issuer = "http://localhost:" + port + "/realms/" + REALM;
            waitForDiscovery(issuer, log);
            System.out.printf("Keycloak %s on port %d ready after %.1f s (JDK %s)%n", home.getFileName(), port,
                    (System.nanoTime() - started) / 1e9, jdk);
            return Map.of("quarkus.oidc.auth-server-url", issuer,
                    "quarkus.oidc.client-id", CLIENT_ID,
                    "quarkus.oidc.credentials.secret", CLIENT_SECRET);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Path home() throws IOException {
        Path dir = Path.of("target/keycloak");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> home = s.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst();
                if (home.isPresent()) {
                    home.get().resolve("bin/kc.sh").toFile().setExecutable(true);
                    return home.get().toAbsolutePath();
                }
            }
        }
        throw new IllegalStateException(dir + " holds no Keycloak: run the tests through Maven "
                + "(process-test-resources unpacks org.keycloak:keycloak-quarkus-dist there)");
    }

    /** A JDK of version 21 or newer for Keycloak (the application and its tests stay on Java 17). */
    static Path javaHome() throws IOException {
        String given = System.getProperty("keycloak.java.home", System.getenv("KEYCLOAK_JAVA_HOME"));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                Optional<Path> best = s.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                        .filter(p -> major(p) >= 21).max(Comparator.comparingInt(KeycloakResource::major));
                if (best.isPresent()) {
                    return best.get();
                }
            }
        }
        throw new IllegalStateException("Keycloak needs a JDK 21 or newer: install one under /usr/lib/jvm or set "
                + "-Dkeycloak.java.home / KEYCLOAK_JAVA_HOME");
    }

    /** The major version from the JDK's release file (0 when unreadable). */
    private static int major(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private void waitForDiscovery(String issuer, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve " + issuer + " within 240 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
