package cn.zhifa.academy.exam;

import cn.zhifa.academy.exam.delivery.CandidateResource;

/** Lets tests in other packages drive an attempt the way a candidate does. */
public final class ExamDeliveryTestSupport {

    private ExamDeliveryTestSupport() {
    }

    /** Starts the exam and answers every question correctly; returns the attempt id. */
    public static long startAndAnswerAll(ExamFixtures.Candidate c, long examId) {
        long attempt = ExamDeliveryTest.start(c, examId, "support").getLong("attemptId");
        int items = c.api().get().header(CandidateResource.DEVICE, "support").when().get("/api/v1/attempts/" + attempt)
                .jsonPath().getList("items").size();
        for (int pos = 1; pos <= items; pos++) {
            ExamDeliveryTest.save(c, attempt, pos, pos, ExamDeliveryTest.correct(attempt, pos), "support").then()
                    .statusCode(200);
        }
        return attempt;
    }
}
