package cn.zhifa.academy.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small course folders for importer and learning tests. */
final class CourseFolders {

    private CourseFolders() {
    }

    static Path tempRoot() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target/course-folders")), "courses");
    }

    /** A three-lesson course: article, a real video (copied from courses/), and a check. */
    static Path course(Path root, String code, String articleText) throws IOException {
        Path dir = Files.createDirectories(root.resolve(code));
        Files.writeString(dir.resolve("course.yaml"), """
                code: %s
                title: 测试课程 %s
                summary: 用于测试
                category: 通用
                grades: [新任, 在岗]
                levels: [镇街]
                hours: 1.5
                lessons:
                  - 01-read.md
                  - 02-video.md
                  - 03-check.md
                """.formatted(code, code));
        Files.writeString(dir.resolve("01-read.md"), """
                ---
                title: 图文课
                type: article
                duration: 5
                required: true
                ---
                ## 要点
                %s
                """.formatted(articleText));
        Files.createDirectories(dir.resolve("media"));
        Files.copy(Path.of("courses/TY-RXZF/media/shouwei-bufa.mp4"), dir.resolve("media/clip.mp4"));
        Files.writeString(dir.resolve("02-video.md"), """
                ---
                title: 微视频
                type: video
                duration: 1
                required: true
                video: media/clip.mp4
                ---
                视频文字稿。
                """);
        Files.writeString(dir.resolve("03-check.md"), """
                ---
                title: 小测
                type: check
                duration: 2
                required: true
                passScore: 100
                questions:
                  - type: single
                    stem: 执法人员在调查或者进行检查时，不得少于几人？
                    options: [一人, 两人, 三人, 五人]
                    answer: B
                    explanation: 依据《行政处罚法》第四十二条。
                  - type: multiple
                    stem: 哪些属于行政处罚？
                    options: [警告, 罚款, 罚金, 没收违法所得]
                    answer: [A, B, D]
                    explanation: 罚金是刑罚。
                ---
                """);
        return dir;
    }
}
