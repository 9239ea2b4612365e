package cn.zhifa.academy.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.support.S3Profile;
import cn.zhifa.academy.support.S3ProxyResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/** The storage contract on the S3 backend, against a real S3 server process (S3Proxy). */
@QuarkusTest
@TestProfile(S3Profile.class)
class S3StorageTest extends StorageContract {

    @Override
    String expectedBackend() {
        return "s3";
    }

    @Test
    @TestSecurity(user = "trainer-t", roles = "trainer")
    void presignedUrlServesTheBytesWithoutTheService() throws Exception {
        byte[] video = mp4(50_000);
        String id = upload("presigned.mp4", "video/mp4", video).then().statusCode(201).extract().jsonPath().getString("id");
        String url = given().when().get("/api/v1/media/" + id + "/url").then().statusCode(200)
                .body("presigned", equalTo(true)).extract().jsonPath().getString("url");
        assertThat(url).contains("/" + S3ProxyResource.BUCKET + "/").contains("X-Amz-Signature=");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);

        HttpResponse<byte[]> tampered = http.send(HttpRequest.newBuilder(URI.create(url.replace("X-Amz-Signature=",
                "X-Amz-Signature=0"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }
}
