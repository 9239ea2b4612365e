package cn.zhifa.academy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One clock: src/main reads time only through the Clock bean (platform/time), so tests can
 * move time and the zone is one setting (academy.time-zone). No Quarkus needed.
 */
class ClockUseTest {

    private static final Pattern STRAY = Pattern
            .compile("\\b(Instant\\.now\\(\\)|LocalDate\\.now\\(|LocalDateTime\\.now\\(|ZonedDateTime\\.now\\(|ZoneId\\.of\\()");

    @Test
    void timeIsReadOnlyThroughTheClockBean() throws IOException {
        Path root = Path.of("src/main/java");
        Path clockPackage = root.resolve("cn/zhifa/academy/platform/time");
        List<String> stray = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.startsWith(clockPackage))
                    .toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (STRAY.matcher(lines.get(i)).find()) {
                        stray.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(stray).as("use the Clock bean (inject java.time.Clock, or platform.time.Now)").isEmpty();
    }
}
