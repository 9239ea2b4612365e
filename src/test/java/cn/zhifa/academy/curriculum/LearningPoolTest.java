package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.ScopeData;
import cn.zhifa.academy.support.TestAccounts;
import cn.zhifa.academy.support.TinyPoolProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 16: a request of 我的学习 or a heartbeat never holds one pooled connection while it asks
 * for another. With a pool of three connections and a short acquisition timeout, many learners
 * loading 我的学习 (page and API) and sending heartbeats at the same time must all succeed: a
 * request that held one connection and waited for a second would starve the pool as soon as
 * three such requests overlap, and fail after the timeout.
 */
@QuarkusTest
@TestProfile(TinyPoolProfile.class)
class LearningPoolTest {

    static final int LEARNERS = 12;
    static final int ROUNDS = 4;

    @Inject
    TestAccounts accounts;

    @Inject
    CourseImporter importer;

    record Learner(Api api, long video) {
    }

    @Test
    void manyLearnersLoadMyLearningAndBeatWithoutStarvingThePool() throws Exception {
        String code = "LP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path root = CourseFolders.tempRoot();
        CourseFolders.course(root, code, "pool test");
        importer.importFolder(root, "tester");
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            // officers of 石门街道: the page also shows the 高频事项 path (template-time reads)
            Person p = ScopeData.person("SFS-QS-SM", "Pool");
            Account a = accounts.create("lpool", Roles.LEARNER, "SFS-QS-SM", null, p.id);
            Api api = Api.as(a.username, PASSWORD);
            long video = api.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(200)
                    .extract().jsonPath().getList("lessons.lessonId", Long.class).get(1);
            beat(api, video, 0).then().statusCode(200); // the first beat creates the progress row
            learners.add(new Learner(api, video));
        }

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS * 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (Learner l : learners) {
                done.add(pool.submit(() -> {
                    await(go);
                    for (int r = 0; r < ROUNDS; r++) {
                        check(failures, "GET /learn", l.api().get().when().get("/learn"));
                        check(failures, "GET /api/v1/learning/me", l.api().get().when().get("/api/v1/learning/me"));
                    }
                }));
                done.add(pool.submit(() -> {
                    await(go);
                    for (int r = 1; r <= ROUNDS; r++) {
                        check(failures, "heartbeat", beat(l.api(), l.video(), r));
                    }
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("requests that failed (pool starved?)").isEmpty();
    }

    static io.restassured.response.Response beat(Api api, long lesson, double position) {
        return api.post().contentType("application/json").body(Map.of("position", position, "duration", 600.0))
                .when().post("/api/v1/learning/lessons/" + lesson + "/heartbeat");
    }

    static void check(ConcurrentLinkedQueue<String> failures, String what, io.restassured.response.Response r) {
        if (r.statusCode() != 200) {
            String body = r.asString();
            failures.add(what + " → " + r.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
        }
    }

    static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
