package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.organization.EnforcementDomain;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 13 items 4, 9 and 10: a form creates one question of any type with a message under each
 * bad field (the rubric total checked against the points); lesson checks are written in the same
 * kind of form instead of YAML; a learner's check result shows their own answer, the key and the
 * explanation, without the blank form again.
 */
@QuarkusTest
class FormEditorsTest {

    @Inject
    TestAccounts accounts;

    @Inject
    CourseImporter importer;

    private static Document html(Response r) {
        return Jsoup.parse(r.asString());
    }

    @Test
    void aQuestionIsCreatedInTheFormWithMessagesUnderEachField() {
        Account t = accounts.create("qauthor", Roles.TRAINER, "SFS");
        Api trainer = Api.as(t.username, PASSWORD);
        Document blank = html(trainer.get().when().get("/exam-admin/questions/new"));
        assertThat(blank.select("#question-form input#code")).hasSize(1);
        assertThat(blank.select("#question-form select#type option").eachAttr("value"))
                .contains("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL", "CASE_ANALYSIS");
        assertThat(html(trainer.get().when().get("/exam-admin/questions")).select("#new-question-link").attr("href"))
                .isEqualTo("/exam-admin/questions/new");

        String code = "UX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // a case question whose rubric adds up to 20 while it is worth 10: refused under the rubric field
        Response bad = trainer.post().formParam("code", code).formParam("type", "CASE_ANALYSIS")
                .formParam("stem", "某执法队员单人作出罚款决定，是否合法？").formParam("referenceAnswer", "不合法，应由两名以上执法人员。")
                .formParam("rubric", "指出违法|10\n引用条文|10").formParam("points", "10").formParam("explanation", "")
                .formParam("law", "行政处罚法").formParam("articles", "42").formParam("domain", "TY")
                .formParam("difficulty", "3").when().post("/exam-admin/questions/new");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document badPage = html(bad);
        assertThat(badPage.select("p.xa-field-error[data-field=评分要点]").text()).contains("20").contains("10");
        assertThat(badPage.select("#rubric").text()).contains("指出违法|10");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Question.findByCode(code).isPresent())).isFalse();

        // a single-choice question without a stem and with an answer outside the options
        Response bad2 = trainer.post().formParam("code", code).formParam("type", "SINGLE").formParam("stem", "")
                .formParam("options", "一人\n两人").formParam("answer", "D").formParam("explanation", "第四十二条")
                .formParam("law", "行政处罚法").formParam("articles", "42").formParam("domain", "TY")
                .formParam("difficulty", "2").when().post("/exam-admin/questions/new");
        assertThat(bad2.statusCode()).isEqualTo(400);
        assertThat(html(bad2).select("p.xa-field-error[data-field=题干]")).isNotEmpty();
        assertThat(html(bad2).select("p.xa-field-error[data-field=答案]")).isNotEmpty();

        Response ok = trainer.post().redirects().follow(false).formParam("code", code).formParam("type", "SINGLE")
                .formParam("stem", "行政处罚的执法人员不得少于几人？").formParam("options", "一人\n两人\n三人")
                .formParam("answer", "B").formParam("explanation", "依据第四十二条，执法人员不得少于两人。")
                .formParam("law", "行政处罚法").formParam("articles", "42").formParam("domain", "TY")
                .formParam("difficulty", "2").formParam("grades", "SERVING").when().post("/exam-admin/questions/new");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.header("Location")).contains("/exam-admin/questions/" + code);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Question.findByCode(code).isPresent())).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'question.create' AND entityId = ?1", code)))
                .isEqualTo(1);
        assertThat(html(trainer.get().when().get("/exam-admin/questions/" + code + "?done=question_created")).select("#done")
                .text()).contains(code);
        // the same code again is refused under the code field
        Response dup = trainer.post().formParam("code", code).formParam("type", "TRUE_FALSE").formParam("stem", "罚金属于行政处罚。")
                .formParam("answer", "错").formParam("explanation", "罚金是刑罚。").formParam("law", "行政处罚法")
                .formParam("articles", "9").formParam("domain", "TY").formParam("difficulty", "1").when()
                .post("/exam-admin/questions/new");
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(html(dup).select("p.xa-field-error[data-field=编号]").text()).contains(code);
        assertThat(html(dup).select("p.xa-field-error[data-field=编号]").text()).isEqualTo("编号“" + code + "”已被使用，请换一个。");
        Response dupEn = trainer.post().cookie("academy-lang", "en").formParam("code", code).formParam("type", "TRUE_FALSE")
                .formParam("stem", "罚金属于行政处罚。").formParam("answer", "错").formParam("explanation", "罚金是刑罚。")
                .formParam("law", "行政处罚法").formParam("articles", "9").formParam("domain", "TY").formParam("difficulty", "1")
                .when().post("/exam-admin/questions/new");
        assertThat(dupEn.statusCode()).isEqualTo(400);
        assertThat(html(dupEn).select("p.xa-field-error[data-field=编号]").text())
                .isEqualTo("The code \"" + code + "\" is already used; choose another.");
    }

    /**
     * The question editor picks knowledge points (知识点) from the taxonomy instead of typing
     * "知识点:KP-…" tags: the choice is stored as those tags next to the free ones, shown checked
     * on the edit form, and an unchanged form keeps the stored tags as they were.
     */
    @Test
    void aQuestionsKnowledgePointsArePickedFromTheTaxonomy() {
        Account t = accounts.create("qkp", Roles.TRAINER, "SFS");
        Api trainer = Api.as(t.username, PASSWORD);
        Document blank = html(trainer.get().when().get("/exam-admin/questions/new"));
        assertThat(blank.select("#kp-picks input[name=knowledge]").eachAttr("value")).contains("KP-LIAN", "KP-TINGZHENG");
        String code = "KP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        trainer.post().redirects().follow(false).formParam("code", code).formParam("type", "TRUE_FALSE")
                .formParam("stem", "立案前可以先作出处罚决定。").formParam("answer", "错").formParam("explanation", "先立案、调查，再决定。")
                .formParam("law", "行政处罚法").formParam("articles", "54").formParam("domain", "TY").formParam("difficulty", "1")
                .formParam("knowledge", "KP-LIAN").formParam("knowledge", "KP-DIAOCHA").formParam("tags", "易错")
                .when().post("/exam-admin/questions/new").then().statusCode(303);
        java.util.function.Supplier<String> tags = () -> QuarkusTransaction.requiringNew().call(() -> {
            Question q = Question.findByCode(code).orElseThrow();
            return cn.zhifa.academy.exam.bank.QuestionVersion.<cn.zhifa.academy.exam.bank.QuestionVersion> findById(q.currentVersionId).tags;
        });
        assertThat(tags.get()).isEqualTo("知识点:KP-LIAN,知识点:KP-DIAOCHA,易错");
        Document edit = html(trainer.get().when().get("/exam-admin/questions/" + code + "/edit"));
        assertThat(edit.select("#kp-picks input[checked]").eachAttr("value")).containsExactlyInAnyOrder("KP-LIAN", "KP-DIAOCHA");
        assertThat(edit.select("input#tags").val()).isEqualTo("易错");
        // an unknown point is refused under the field
        Response bad = trainer.post().formParam("code", code + "X").formParam("type", "TRUE_FALSE").formParam("stem", "某题。")
                .formParam("answer", "对").formParam("explanation", "说明。").formParam("law", "行政处罚法").formParam("articles", "54")
                .formParam("domain", "TY").formParam("difficulty", "1").formParam("knowledge", "KP-NO-SUCH").when()
                .post("/exam-admin/questions/new");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(html(bad).select("p.xa-field-error[data-field=知识点]").text()).contains("KP-NO-SUCH");
    }

    @Test
    void aCheckIsWrittenInTheFormNotYaml() {
        Account t = accounts.create("cauthor", Roles.TRAINER, "SFS");
        Api trainer = Api.as(t.username, PASSWORD);
        String code = "WC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String title = "表单小测 " + code;
        long domain = QuarkusTransaction.requiringNew().call(() -> EnforcementDomain.byName("通用").orElseThrow().id);
        trainer.post().redirects().follow(false).formParam("code", code).formParam("title", "表单小测课程")
                .formParam("domainId", domain).formParam("hours", "1").when().post("/authoring/courses").then()
                .statusCode(303);
        Document newLesson = html(trainer.get().when().get("/authoring/courses/" + code + "/lessons/new"));
        assertThat(newLesson.select("#checkYaml")).isEmpty();
        assertThat(newLesson.select("#check-editor[data-show-for=CHECK] fieldset.check-question")).hasSize(1);
        assertThat(newLesson.select("#media-block").attr("data-show-for")).isEqualTo("VIDEO SLIDES");

        // question 1 fine, question 2 has an answer outside its options, question 3 a judge without 对/错; one blank block
        Response bad = trainer.post().formParam("title", title).formParam("type", "CHECK").formParam("durationMinutes", 3)
                .formParam("required", true).formParam("passScore", 60).formParam("action", "save")
                .formParam("qType", "single", "multiple", "judge", "single")
                .formParam("qStem", "执法人员不得少于几人？", "下列属于行政处罚的是", "罚金属于行政处罚。", "")
                .formParam("qOptions", "一人\n两人", "警告\n罚款\n罚金", "", "")
                .formParam("qAnswer", "B", "AE", "也许", "")
                .formParam("qExplanation", "第四十二条", "罚金是刑罚", "", "")
                .when().post("/authoring/courses/" + code + "/lessons");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document page = html(bad);
        assertThat(page.select("#check-q1 .xa-field-error")).isEmpty();
        assertThat(page.select("#check-q2 .xa-field-error[data-field=answer]").text()).contains("A 到 C");
        assertThat(page.select("#check-q3 .xa-field-error[data-field=answer]").text()).contains("对").contains("错");
        assertThat(page.select("#check-q2 textarea[name=qStem]").text()).isEqualTo("下列属于行政处罚的是");
        assertThat(page.select("fieldset.check-question")).as("the three typed plus one blank").hasSize(4);
        assertThat(page.text()).doesNotContain("YAML");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Lesson.count("title", title))).isZero();

        trainer.post().redirects().follow(false).formParam("title", title).formParam("type", "CHECK")
                .formParam("durationMinutes", 3).formParam("required", true).formParam("passScore", 60)
                .formParam("action", "save").formParam("qType", "single", "multiple", "judge", "single")
                .formParam("qStem", "执法人员不得少于几人？", "下列属于行政处罚的是", "罚金属于行政处罚。", "")
                .formParam("qOptions", "一人\n两人", "警告\n罚款\n罚金", "", "")
                .formParam("qAnswer", "B", "a, b", "错", "")
                .formParam("qExplanation", "第四十二条", "罚金是刑罚", "罚金是刑罚。", "")
                .when().post("/authoring/courses/" + code + "/lessons").then().statusCode(303);
        Lesson saved = QuarkusTransaction.requiringNew().call(() -> Lesson.<Lesson> find("title = ?1 ORDER BY id DESC", title)
                .firstResult());
        assertThat(saved.checkJson).contains("\"answer\":\"A,B\"").contains("\"answer\":\"false\"");
        Document again = html(trainer.get().when().get("/authoring/courses/" + code + "/lessons/" + saved.id));
        assertThat(again.select("fieldset.check-question")).hasSize(4);
        assertThat(again.select("#qAnswer2").attr("value")).isEqualTo("AB");
        assertThat(again.select("#qAnswer3").attr("value")).isEqualTo("错");
    }

    @Test
    void aCheckResultShowsTheLearnersAnswerTheKeyAndTheExplanation() throws IOException {
        String code = "LC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path root = CourseFolders.tempRoot();
        CourseFolders.course(root, code, "小测结果");
        importer.importFolder(root, "tester");
        long personId = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 ORDER BY id DESC", OrgUnit.findByCode("SFS-QS-SM").orElseThrow().id).firstResult().id);
        Account a = accounts.create("checker", Roles.LEARNER, "SFS-QS-SM", null, personId);
        Api learner = Api.as(a.username, PASSWORD);
        List<Long> lessons = learner.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(200)
                .extract().jsonPath().getList("lessons.lessonId", Long.class);
        long check = lessons.get(2);
        Document before = html(learner.get().when().get("/learn/lessons/" + check));
        assertThat(before.select("#check-form")).hasSize(1);
        assertThat(before.select("#check-intro").text()).contains("2");

        // question 1 (key B) answered A; question 2 (key A,B,D) answered right
        Document result = html(learner.post().formParam("q0", "A").formParam("q1", "A", "B", "D").when()
                .post("/learn/lessons/" + check + "/check"));
        assertThat(result.select("#check-result").text()).contains("50");
        assertThat(result.select("#check-form")).as("no blank form under the result").isEmpty();
        assertThat(result.select("#review-q1").hasClass("is-wrong")).isTrue();
        assertThat(result.select("#review-q1 .check-yours").text()).contains("A");
        assertThat(result.select("#review-q1 .check-key").text()).contains("B");
        assertThat(result.select("#review-q1 li.chosen").text()).startsWith("A.");
        assertThat(result.select("#review-q1 li.key").text()).startsWith("B.");
        assertThat(result.select("#review-q1 .check-explanation").text()).contains("第四十二条");
        assertThat(result.select("#review-q2").hasClass("is-right")).isTrue();
        assertThat(result.text()).doesNotContain("答案 A,B,D").doesNotContain("答案 B,").doesNotContain("true");
        assertThat(result.select("#check-again").attr("href")).isEqualTo("/learn/lessons/" + check);
    }
}
