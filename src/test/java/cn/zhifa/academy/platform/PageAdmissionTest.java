package cn.zhifa.academy.platform;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.PageAdmissionProbe;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * Issue 16: pages render a bounded number at a time; the others wait in order before they take a
 * worker thread, and one that waits too long gets a friendly 503 that reloads itself. JSON calls
 * are not counted.
 */
@QuarkusTest
class PageAdmissionTest {

    @Inject
    PageAdmissionProbe admission;

    @Inject
    TestAccounts accounts;

    @AfterEach
    void restore() {
        admission.restore();
    }

    @Test
    void pagesWaitForTheirTurnAndGiveUpWithAFriendly503() throws Exception {
        Api learner = Api.as(accounts.create("padm", Roles.LEARNER, "SFS").username, PASSWORD);
        learner.get().when().get("/").then().statusCode(200);
        await(() -> admission.rendering() == 0, "the first page's turn ended");

        // one turn, held by someone else: the page waits 300 ms, then gives up politely
        admission.limit(1, 300);
        assertThat(admission.hold()).isTrue();
        learner.get().when().get("/").then().statusCode(503).header("Retry-After", notNullValue())
                .contentType(containsString("text/html")).body(containsString("访问人数较多"),
                        containsString("http-equiv=\"refresh\""));
        assertThat(admission.waiting()).as("the refused page left the queue").isZero();
        // a JSON call is not a page: it does not wait for the turn
        learner.get().when().get("/api/v1/csrf-token").then().statusCode(200);

        // with time to wait, the page is served as soon as the turn is given back
        admission.limit(1, 30_000);
        CompletableFuture<Integer> page = CompletableFuture.supplyAsync(
                () -> learner.get().when().get("/").then().extract().statusCode());
        await(() -> admission.waiting() == 1, "the page queued for its turn");
        assertThat(page).as("still waiting").isNotDone();
        admission.giveBack();
        assertThat(page.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        await(() -> admission.rendering() == 0 && admission.waiting() == 0, "every turn given back");
    }

    @Test
    void aPageWhoseReaderLeftWhileWaitingGetsNoTurnAndLeaksNone() throws Exception {
        Api learner = Api.as(accounts.create("padm2", Roles.LEARNER, "SFS").username, PASSWORD);
        admission.limit(1, 30_000);
        assertThat(admission.hold()).isTrue();
        // a reader that gives up after one second: its page is still queued when it leaves
        CompletableFuture<Integer> impatient = CompletableFuture.supplyAsync(() -> learner.get()
                .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 1000)))
                .when().get("/").then().extract().statusCode());
        await(() -> admission.waiting() == 1, "the page queued for its turn");
        assertThat(impatient).failsWithin(Duration.ofSeconds(30)); // the client timed out and closed its connection
        // whether the server has seen the connection close by now (the page is skipped) or not (it renders
        // for nobody and gives its turn back), no turn is lost
        admission.giveBack();
        await(() -> admission.rendering() == 0 && admission.waiting() == 0, "the turn came back");
        // and the next page is served at once
        learner.get().when().get("/").then().statusCode(200);
        await(() -> admission.rendering() == 0, "its turn given back");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
