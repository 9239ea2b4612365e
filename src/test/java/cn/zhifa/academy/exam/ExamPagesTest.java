package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;

/** The candidate's pages render their state and never show another person's attempt. */
@QuarkusTest
class ExamPagesTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    TestAccounts accounts;

    @Test
    void myExamsIntroExamAndResultPages() {
        ExamFixtures.Built exam = fixtures.published(2, false, "AFTER_CLOSE", 30, 2);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        c.api().get().when().get("/exams").then().statusCode(200)
                .body(containsString("id=\"exam-" + exam.examId() + "\""), containsString("可参加"),
                        containsString("资格考试（通用法律知识）"), containsString("已作答 0/2 次"));
        c.api().get().when().get("/exams/" + exam.examId()).then().statusCode(200)
                .body(containsString("id=\"start\""), containsString("考试须知"));
        long attempt = ExamDeliveryTest.start(c, exam.examId(), "d").getLong("attemptId");
        c.api().get().when().get("/exams").then().body(containsString("作答中"), containsString("/attempts/" + attempt));
        c.api().get().when().get("/attempts/" + attempt).then().statusCode(200)
                .body(containsString("id=\"exam-app\""), containsString("data-attempt=\"" + attempt + "\""));
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);
        c.api().get().when().get("/attempts/" + attempt + "/result").then().statusCode(200)
                .body(containsString("id=\"score\""), containsString("答案和解析将在考试截止后公布"),
                        not(containsString("id=\"review\"")));
        // another candidate gets the friendly 404 page, and English works
        exam.candidates().get(1).api().get().when().get("/attempts/" + attempt).then().statusCode(404)
                .body(not(containsString("data-attempt")));
        exam.candidates().get(1).api().get().cookie("academy-lang", "en").when().get("/exams").then().statusCode(200)
                .body(containsString("My exams"), containsString("Open"));
    }

    @Test
    void anAccountWithoutAStaffRecordIsToldWhy() {
        Account a = accounts.create("no-person", Roles.LEARNER, null);
        Api.as(a.username, PASSWORD).get().when().get("/exams").then().statusCode(200)
                .body(containsString("id=\"not-linked\""));
        Api.as(a.username, PASSWORD).post().when().post("/api/v1/my/exams/1/attempts").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }
}
