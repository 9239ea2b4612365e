package cn.zhifa.academy.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production image's entrypoint (docker/entrypoint.sh) picks the JVM profile from
 * ACADEMY_NODE_SIZE: on nodes with at most 2 CPUs by default C1 only and the serial collector
 * (issue 11: C2 compiling the start path took a third of a 2-core node in the exam-day burst;
 * issue 16: idle RSS), the JVM's defaults on larger ones, and it refuses a value it does not know.
 * Run with a fake {@code java} that prints its arguments and a fake {@code nproc}, no Docker.
 */
class EntrypointScriptTest {

    @TempDir
    Path bin;

    @Test
    void autoChoosesTheSmallProfileOnSmallNodes() throws Exception {
        assertThat(run("auto", 2)).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(run("auto", 1)).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(run("auto", 8)).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC")
                .contains("-jar /deployments/quarkus-run.jar");
        assertThat(run(null, 2)).as("auto is the default").contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    }

    @Test
    void aSmallNodeStartsWithA128MegabyteHeapUnlessJavaOptsSetsOne() throws Exception {
        assertThat(run("small", 2)).contains("-XX:+UseSerialGC -Xms128m");
        assertThat(run("large", 2)).doesNotContain("-Xms");
        javaOpts = "-XX:MaxRAMPercentage=75 -Xms512m";
        assertThat(run("small", 2)).contains("-Xms512m").doesNotContain("-Xms128m");
        javaOpts = "-XX:InitialRAMPercentage=5";
        assertThat(run("small", 2)).doesNotContain("-Xms");
    }

    @Test
    void anExplicitChoiceWins() throws Exception {
        assertThat(run("small", 16)).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(run("large", 2)).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC");
        assertThat(run("large", 2)).startsWith("-XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit=");
    }

    @Test
    void anUnknownChoiceStopsTheStart() throws Exception {
        Process p = start("fast", 2);
        assertThat(p.waitFor()).isEqualTo(64);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("ACADEMY_NODE_SIZE");
    }

    /**
     * Issue 16: the first start of a container records a class-data-sharing archive at exit, the
     * next ones map it; ACADEMY_CDS=off does neither.
     */
    @Test
    void theFirstStartRecordsTheClassArchiveAndLaterStartsUseIt() throws Exception {
        Path archive = bin.resolve("app-cds.jsa");
        cds = archive.toString();
        assertThat(run("small", 2)).contains("-XX:ArchiveClassesAtExit=" + archive).doesNotContain("SharedArchiveFile");
        Files.write(archive, new byte[] { 1, 2, 3 });
        assertThat(run("small", 2)).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit")
                .contains("-jar /deployments/quarkus-run.jar");
        cdsMode = "off";
        assertThat(run("small", 2)).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
        cdsMode = "sometimes";
        Process p = start("small", 2);
        assertThat(p.waitFor()).isEqualTo(64);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("ACADEMY_CDS");
    }

    /** Where the archive is (null: the script's default) and ACADEMY_CDS (null: unset). */
    private String cds;
    private String cdsMode;

    /** JAVA_OPTS as the image sets it unless a test says otherwise. */
    private String javaOpts = "-XX:MaxRAMPercentage=75";

    private String run(String size, int cpus) throws Exception {
        Process p = start(size, cpus);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private Process start(String size, int cpus) throws IOException {
        script("java", "echo \"$@\"");
        script("nproc", "echo " + cpus);
        ProcessBuilder pb = new ProcessBuilder("sh", Path.of("docker/entrypoint.sh").toAbsolutePath().toString());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_OPTS", javaOpts);
        // the archive of this test, never the machine's /tmp
        env.put("ACADEMY_CDS_ARCHIVE", cds != null ? cds : bin.resolve("absent.jsa").toString());
        if (cdsMode == null) {
            env.remove("ACADEMY_CDS");
        } else {
            env.put("ACADEMY_CDS", cdsMode);
        }
        if (size == null) {
            env.remove("ACADEMY_NODE_SIZE");
        } else {
            env.put("ACADEMY_NODE_SIZE", size);
        }
        return pb.start();
    }

    private void script(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
