package cn.zhifa.academy.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.storage.MediaObject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CourseImporterTest {

    @Inject
    CourseImporter importer;

    static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static long courses() {
        return QuarkusTransaction.requiringNew().call(() -> Course.count());
    }

    @Test
    void theRepositoryCoursesValidateAndWereImportedAtStart() {
        assertThat(importer.check(Path.of("courses"))).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Course.count("status", Course.Status.PUBLISHED)).isGreaterThanOrEqualTo(8);
            Course c = Course.byCode("TY-RXZF").orElseThrow();
            List<Lesson> lessons = Lesson.ofVersion(c.publishedVersionId);
            assertThat(lessons).extracting(l -> l.type).containsExactly(LessonType.ARTICLE, LessonType.VIDEO,
                    LessonType.ARTICLE, LessonType.CASE, LessonType.VIDEO, LessonType.CHECK);
            assertThat(lessons.get(4).lessonKey).as("the micro-video made from lesson 01").isEqualTo("06-video-sanzhong-bufa");
            assertThat(lessons.get(4).subtitlesMediaId).isNotNull();
            Lesson video = lessons.get(1);
            MediaObject m = MediaObject.findById(video.mediaId);
            assertThat(m.contentType).isEqualTo("video/mp4");
            assertThat(video.subtitlesMediaId).as("the .vtt beside the video").isNotNull();
            assertThat(c.prerequisites).extracting(p -> p.code).containsExactly("TY-CLJZ");
        });
    }

    @Test
    void aValidFolderImportsAndReimportingChangesNothing() throws IOException {
        Path root = CourseFolders.tempRoot();
        String code = code();
        CourseFolders.course(root, code, "第一版");
        CourseImporter.Report first = importer.importFolder(root, "tester");
        assertThat(first.created()).containsExactly(code);

        CourseImporter.Report again = importer.importFolder(root, "tester");
        assertThat(again.unchanged()).containsExactly(code);
        assertThat(again.created()).isEmpty();
        assertThat(again.revised()).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> assertThat(CourseVersion.count("courseId",
                Course.byCode(code).orElseThrow().id)).isEqualTo(1));
    }

    @Test
    void aChangedCourseGetsANewVersionAndOldLearnersKeepTheirs() throws IOException {
        Path root = CourseFolders.tempRoot();
        String code = code();
        CourseFolders.course(root, code, "第一版");
        importer.importFolder(root, "tester");
        long v1 = QuarkusTransaction.requiringNew().call(() -> Course.byCode(code).orElseThrow().publishedVersionId);

        Files.writeString(root.resolve(code).resolve("01-read.md"),
                Files.readString(root.resolve(code).resolve("01-read.md")).replace("第一版", "第二版"));
        CourseImporter.Report r = importer.importFolder(root, "tester");
        assertThat(r.revised()).containsExactly(code);
        QuarkusTransaction.requiringNew().run(() -> {
            Course c = Course.byCode(code).orElseThrow();
            CourseVersion v2 = CourseVersion.findById(c.publishedVersionId);
            assertThat(v2.number).isEqualTo(2);
            assertThat(c.publishedVersionId).isNotEqualTo(v1);
            assertThat(Lesson.ofVersion(v1).get(0).bodyMd).contains("第一版");
            assertThat(Lesson.ofVersion(v2.id).get(0).bodyMd).contains("第二版");
            // the video bytes did not change: the stored object is reused
            assertThat(Lesson.ofVersion(v2.id).get(1).mediaId).isEqualTo(Lesson.ofVersion(v1).get(1).mediaId);
        });
    }

    @Test
    void everyKindOfErrorIsReportedWithFileAndLineAndNothingIsWritten() throws IOException {
        Path root = CourseFolders.tempRoot();
        String ok = code();
        CourseFolders.course(root, ok, "好的课程");

        Path badYaml = CourseFolders.course(root, "BAD-YAML", "x");
        Files.writeString(badYaml.resolve("course.yaml"), "code: BAD-YAML\ntitle: [unclosed\nlessons: []\n");

        Path missingLesson = CourseFolders.course(root, "MISSING-LESSON", "x");
        Files.delete(missingLesson.resolve("01-read.md"));

        Path missingMedia = CourseFolders.course(root, "MISSING-MEDIA", "x");
        Files.delete(missingMedia.resolve("media/clip.mp4"));

        Path wrongType = CourseFolders.course(root, "WRONG-TYPE", "x");
        Files.writeString(wrongType.resolve("media/clip.mp4"), "<html><script>alert(1)</script></html>");
        Path avi = CourseFolders.course(root, "AVI", "x");
        Files.writeString(avi.resolve("02-video.md"), Files.readString(avi.resolve("02-video.md")).replace("clip.mp4", "clip.avi"));
        Files.copy(avi.resolve("media/clip.mp4"), avi.resolve("media/clip.avi"));

        Path dup = CourseFolders.course(root, "ZZ-DUPLICATE", "x");
        Files.writeString(dup.resolve("course.yaml"), Files.readString(dup.resolve("course.yaml")).replace("ZZ-DUPLICATE", ok));

        long before = courses();
        assertThatThrownBy(() -> importer.importFolder(root, "tester")).isInstanceOfSatisfying(
                ContentInvalidException.class, e -> {
                    List<ContentProblem> p = e.problems();
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("BAD-YAML/course.yaml");
                        assertThat(x.line()).as("where the parser noticed the unclosed list").isBetween(2, 3);
                        assertThat(x.message()).contains("YAML");
                    });
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("MISSING-LESSON/course.yaml");
                        assertThat(x.line()).isEqualTo(9);
                        assertThat(x.message()).contains("课时文件不存在：01-read.md");
                    });
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("MISSING-MEDIA/02-video.md");
                        assertThat(x.line()).isEqualTo(6);
                        assertThat(x.message()).contains("媒体文件不存在");
                    });
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("WRONG-TYPE/02-video.md");
                        assertThat(x.message()).contains("内容与扩展名不符");
                    });
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("AVI/02-video.md");
                        assertThat(x.message()).contains("不支持的媒体类型");
                    });
                    assertThat(p).anySatisfy(x -> {
                        assertThat(x.file()).isEqualTo("ZZ-DUPLICATE/course.yaml");
                        assertThat(x.line()).isEqualTo(1);
                        assertThat(x.message()).contains("重复");
                    });
                });
        assertThat(courses()).isEqualTo(before);
        QuarkusTransaction.requiringNew().run(() -> assertThat(Course.byCode(ok)).isEmpty());
    }

    @Test
    @TestSecurity(user = "trainer-x", roles = "trainer")
    void theApiChecksAndImportsTheConfiguredFolder() {
        given().when().get("/api/v1/courses/import/check").then().statusCode(200).body("size()", equalTo(0));
        given().when().post("/api/v1/courses/import").then().statusCode(400).contentType("application/problem+json");
        var csrf = given().when().get("/api/v1/csrf-token");
        given().cookie("academy-csrf", csrf.getCookie("academy-csrf")).header("X-CSRF-TOKEN", csrf.jsonPath().getString("token"))
                .when().post("/api/v1/courses/import").then().statusCode(200).body("created.size()", equalTo(0))
                .body("revised.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "learner-x", roles = "learner")
    void learnersCannotImport() {
        given().when().post("/api/v1/courses/import").then().statusCode(403);
    }
}
