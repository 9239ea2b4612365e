package cn.zhifa.academy.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3 server for the MinIO path: S3Proxy's self-contained jar (fetched into
 * target/s3proxy by the build) run as a separate process on a free port, with a filesystem
 * blob store under target/. Started before the Quarkus app of a test profile, stopped after.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-for-s3proxy";
    public static final String BUCKET = "academy-test-media";

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through Maven (process-test-resources fetches it)");
            }
            int port = freePort();
            Path base = Files.createDirectories(Path.of("target/s3proxy-data"));
            Path blobs = Files.createTempDirectory(base, "blobs");
            Path props = base.resolve("s3proxy-" + port + ".properties");
            Files.writeString(props, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + blobs.toAbsolutePath(),
                    ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties", props.toString())
                    .redirectErrorStream(true).redirectOutput(base.resolve("s3proxy-" + port + ".log").toFile())
                    .start();
            waitForPort(port);
            return Map.of("academy.storage.s3.endpoint", "http://127.0.0.1:" + port,
                    "academy.storage.s3.access-key", ACCESS_KEY,
                    "academy.storage.s3.secret-key", SECRET_KEY,
                    "academy.storage.s3.bucket", BUCKET);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void waitForPort(int port) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + "; see target/s3proxy-data");
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("S3Proxy did not open port " + port + " within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
