package cn.zhifa.academy.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/**
 * The storage behaviour both backends must show; {@link FileSystemStorageTest} and
 * {@link S3StorageTest} run it against each.
 */
abstract class StorageContract {

    @Inject
    ObjectStore store;

    abstract String expectedBackend();

    /** A small but well-formed-looking MP4: the ftyp box, then pseudo-random payload. */
    static byte[] mp4(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0 };
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** Uploads like a page script does: session (test identity), CSRF cookie and header. */
    static Response upload(String filename, String contentType, byte[] bytes) {
        Response csrf = given().when().get("/api/v1/csrf-token");
        return given().cookie("academy-csrf", csrf.getCookie("academy-csrf"))
                .header("X-CSRF-TOKEN", csrf.jsonPath().getString("token"))
                .multiPart("file", filename, bytes, contentType).when().post("/api/v1/media");
    }

    static long mediaCount() {
        return QuarkusTransaction.requiringNew().call(() -> MediaObject.count());
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void uploadsWithoutCsrfTokenAreRefusedAsProblemJson() {
        long before = mediaCount();
        given().multiPart("file", "x.mp4", mp4(1000), "video/mp4").when().post("/api/v1/media").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("CSRF"));
        assertThat(mediaCount()).isEqualTo(before);
    }

    @Test
    void theConfiguredBackendIsInUse() {
        assertThat(store.backend()).isEqualTo(expectedBackend());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'object-store' }.data.backend", equalTo(expectedBackend()));
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void uploadStoresTheBytesInTheStoreAndReadsThemBack() throws IOException {
        byte[] video = mp4(300_000);
        Response r = upload("第一课.mp4", "video/mp4", video);
        r.then().statusCode(201).body("contentType", equalTo("video/mp4")).body("size", equalTo(video.length));
        String id = r.jsonPath().getString("id");
        assertThat(r.getHeader("Location")).endsWith("/api/v1/media/" + id);

        MediaObject m = QuarkusTransaction.requiringNew()
                .call(() -> MediaObject.<MediaObject> find("publicId", java.util.UUID.fromString(id)).firstResult());
        assertThat(m.ownerKind).isEqualTo(MediaOwner.UPLOAD);
        assertThat(store.size(m.objectKey)).contains((long) video.length);
        try (InputStream in = store.read(m.objectKey, 0, video.length)) {
            assertThat(in.readAllBytes()).isEqualTo(video);
        }

        byte[] whole = given().when().get("/api/v1/media/" + id + "/content").then().statusCode(200)
                .header("Accept-Ranges", "bytes").header("Content-Length", String.valueOf(video.length))
                .extract().asByteArray();
        assertThat(whole).isEqualTo(video);
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void rangeReadsAnswer206WithContentRange() {
        byte[] video = mp4(100_000);
        String id = upload("range.mp4", "video/mp4", video).then().statusCode(201).extract().jsonPath().getString("id");

        byte[] part = given().header("Range", "bytes=1000-1999").when().get("/api/v1/media/" + id + "/content")
                .then().statusCode(206).header("Content-Range", "bytes 1000-1999/100000")
                .header("Content-Length", "1000").extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(video, 1000, 2000));

        byte[] open = given().header("Range", "bytes=99990-").when().get("/api/v1/media/" + id + "/content")
                .then().statusCode(206).header("Content-Range", "bytes 99990-99999/100000").extract().asByteArray();
        assertThat(open).isEqualTo(Arrays.copyOfRange(video, 99990, 100000));

        byte[] suffix = given().header("Range", "bytes=-16").when().get("/api/v1/media/" + id + "/content")
                .then().statusCode(206).header("Content-Range", "bytes 99984-99999/100000").extract().asByteArray();
        assertThat(suffix).isEqualTo(Arrays.copyOfRange(video, 99984, 100000));

        given().header("Range", "bytes=200000-").when().get("/api/v1/media/" + id + "/content")
                .then().statusCode(416).header("Content-Range", "bytes */100000");
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void uploadsOverTheLimitAre413AndLeaveNothing() {
        long before = mediaCount();
        upload("big.mp4", "video/mp4", mp4(2 * 1024 * 1024 + 1)).then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        assertThat(mediaCount()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void htmlRenamedToMp4IsRefused() {
        long before = mediaCount();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        upload("lesson.mp4", "video/mp4", html).then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
        upload("notes.md", "text/markdown", html).then().statusCode(415);
        upload("page.html", "text/html", html).then().statusCode(415);
        assertThat(mediaCount()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void aDeclaredTypeThatContradictsTheNameIsRefused() {
        upload("clip.mp4", "image/png", mp4(1000)).then().statusCode(415);
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void realTypesAreAccepted() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
        upload("图.png", "image/png", png).then().statusCode(201);
        upload("讲义.pdf", "application/pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)).then()
                .statusCode(201);
        upload("说明.md", "application/octet-stream", "# 标题\n正文".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(201).body("contentType", equalTo("text/markdown"));
    }

    @Test
    @TestSecurity(user = "learner-t", roles = "learner")
    void theImportedLessonVideoIsServedFromThisStoreInRanges() throws IOException {
        long mediaId = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.Lesson
                .<cn.zhifa.academy.curriculum.Lesson> find("type", cn.zhifa.academy.curriculum.LessonType.VIDEO)
                .firstResult().mediaId);
        MediaObject m = QuarkusTransaction.requiringNew().call(() -> MediaObject.<MediaObject> findById(mediaId));
        assertThat(m.ownerKind).isEqualTo(MediaOwner.LESSON_MEDIA);
        assertThat(store.size(m.objectKey)).contains(m.sizeBytes);
        byte[] head = given().header("Range", "bytes=0-1023").when().get("/api/v1/media/" + m.publicId + "/content").then()
                .statusCode(206).contentType("video/mp4").header("Content-Range", "bytes 0-1023/" + m.sizeBytes)
                .extract().asByteArray();
        assertThat(new String(head, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        byte[] tail = given().header("Range", "bytes=-100").when().get("/api/v1/media/" + m.publicId + "/content").then()
                .statusCode(206).extract().asByteArray();
        assertThat(tail).hasSize(100);
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void theSequenceNumberNoLongerNamesAFile() {
        String id = upload("seq.mp4", "video/mp4", mp4(1000)).then().statusCode(201).extract().jsonPath().getString("id");
        long seq = QuarkusTransaction.requiringNew()
                .call(() -> MediaObject.<MediaObject> find("publicId", java.util.UUID.fromString(id)).firstResult().id);
        given().when().get("/api/v1/media/" + id).then().statusCode(200).body("owner", equalTo("UPLOAD"));
        for (String path : new String[] { "", "/content", "/url" }) {
            given().when().get("/api/v1/media/" + seq + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    @TestSecurity(user = "learner-t", roles = "learner")
    void learnersMayNotUpload() {
        upload("x.mp4", "video/mp4", mp4(1000)).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousMayNotRead() {
        given().when().get("/api/v1/media/1/content").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "learner-t", roles = "learner")
    void unknownMediaIs404Problem() {
        given().when().get("/api/v1/media/987654321").then().statusCode(404).contentType("application/problem+json");
    }
}
