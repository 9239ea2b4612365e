package cn.zhifa.academy.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The storage contract on the filesystem backend (the default). */
@QuarkusTest
class FileSystemStorageTest extends StorageContract {

    @Override
    String expectedBackend() {
        return "filesystem";
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void downloadUrlIsTheServicesOwnContentEndpoint() {
        String id = upload("a.mp4", "video/mp4", mp4(2000)).then().statusCode(201).extract().jsonPath().getString("id");
        given().when().get("/api/v1/media/" + id + "/url").then().statusCode(200)
                .body("url", equalTo("/api/v1/media/" + id + "/content")).body("presigned", equalTo(false));
    }
}
