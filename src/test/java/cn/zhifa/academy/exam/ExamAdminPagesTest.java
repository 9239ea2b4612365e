package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.admin.ExamAdminFormat;
import cn.zhifa.academy.exam.admin.ExamReports;
import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionImports;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The trainer/admin exam pages (考试管理), driven through their forms as a browser would. */
@QuarkusTest
class ExamAdminPagesTest {

    @Inject
    ExamReports reports;

    @Inject
    TestAccounts accounts;

    @Inject
    ExamFixtures fixtures;

    Api trainer() {
        return Api.as(accounts.create("xa-trainer", Roles.TRAINER, "SFS").username, PASSWORD);
    }

    Api admin() {
        return Api.as(accounts.create("xa-admin", Roles.ADMIN, "SFS").username, PASSWORD);
    }

    static Document page(Api who, String path) {
        return Jsoup.parse(who.get().when().get(path).then().statusCode(200).extract().asString());
    }

    /** A form post with the CSRF field of the page it came from, redirects not followed. */
    static RequestSpecification form(Api who, String pagePath) {
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(who.get().when().get(pagePath));
        return who.get().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field());
    }

    static String local(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    @Test
    void everyPageRendersForManagersAndIsRefusedToLearners() {
        ExamFixtures.Built exam = fixtures.published(1, true, "AFTER_SUBMIT", 30, 1);
        Api trainer = trainer();
        Api admin = admin();
        Api learner = exam.candidates().get(0).api();
        String id = String.valueOf(exam.examId());
        List<String> managePages = List.of("/exam-admin", "/exam-admin/blueprints", "/exam-admin/blueprints/new",
                "/exam-admin/blueprints/" + exam.blueprintId(), "/exam-admin/exams/new", "/exam-admin/exams/" + id,
                "/exam-admin/exams/" + id + "/monitor", "/exam-admin/exams/" + id + "/results", "/exam-admin/grading");
        List<String> bankPages = List.of("/exam-admin/questions", "/exam-admin/questions?type=MULTIPLE&difficulty=2&page=1",
                "/exam-admin/questions/AL-001", "/exam-admin/questions/AL-001/edit", "/exam-admin/questions/import");
        for (String p : managePages) {
            if (p.startsWith("/exam-admin/exams/" + id)) {
                // trainers manage only the exams they created (issue 12, item 18); this one is the administrator's
                trainer.get().when().get(p).then().statusCode(404);
            } else {
                assertThat(page(trainer, p).select("main h1").text()).as(p).isNotBlank();
            }
            assertThat(page(admin, p).select("main h1").text()).as(p).isNotBlank();
            learner.get().when().get(p).then().statusCode(403);
        }
        for (String p : bankPages) {
            assertThat(page(trainer, p).select("main h1").text()).as(p).isNotBlank();
            admin.get().when().get(p).then().statusCode(403); // the bank is for trainers, like its API
            learner.get().when().get(p).then().statusCode(403);
        }
        io.restassured.RestAssured.given().redirects().follow(false).when().get("/exam-admin").then().statusCode(303)
                .header("Location", containsString("/login"));

        Document hub = page(admin, "/exam-admin");
        assertThat(hub.select("#main-nav a#nav-exam-admin").attr("href")).isEqualTo("/exam-admin");
        assertThat(hub.select("#exam-" + id + " a.xa-title").attr("href")).isEqualTo("/exam-admin/exams/" + id);
        assertThat(hub.select("#exam-" + id + " .tag").first().text()).isEqualTo("已发布");
        assertThat(hub.select("#link-bank")).as("administrators do not author questions").isEmpty();
        assertThat(page(trainer, "/exam-admin").select("#link-bank").attr("href")).isEqualTo("/exam-admin/questions");
        assertThat(page(learner, "/").select("#nav-exam-admin")).isEmpty();

        Document bank = page(trainer, "/exam-admin/questions?type=CASE_ANALYSIS");
        assertThat(bank.select("#bank-list li")).isNotEmpty();
        assertThat(bank.select("#bank-list li .tag").eachText()).contains("案例分析").doesNotContain("单选");
        assertThat(bank.select("#export-link").attr("href")).contains("type=CASE_ANALYSIS");
        Document al = page(trainer, "/exam-admin/questions/AL-001");
        assertThat(al.select("#q-reference").text()).contains("第三十三条");
        assertThat(al.select("#versions tbody tr")).isNotEmpty();
        // a used 案例分析 question with a long reference answer (well over 2 KB as a form field) and several
        // grades: the edit form round-trips unchanged, and a real change makes a new version
        String used = QuarkusTransaction.requiringNew().call(() -> Question.<Question> find(
                "currentVersionId IN (SELECT v.id FROM QuestionVersion v WHERE v.used = true AND v.type = ?1 "
                        + "AND v.grades LIKE '%,%' AND length(v.referenceAnswer) > 800)", QuestionType.CASE_ANALYSIS)
                .firstResult().code);
        Document editPage = page(trainer, "/exam-admin/questions/" + used + "/edit");
        assertThat(editPage.select("#new-version-note").text()).contains("生成第");
        org.jsoup.nodes.FormElement editForm = (org.jsoup.nodes.FormElement) editPage.selectFirst("#question-form");
        Response unchanged = post(trainer, editForm, "/exam-admin/questions/" + used + "/edit", null);
        assertThat(unchanged.getHeader("Location")).as(used + " " + unchanged.statusCode() + " "
                + Jsoup.parse(unchanged.asString()).select("#form-errors, .error-page, main").text()).endsWith("done=unchanged");
        Response changed = post(trainer, editForm, "/exam-admin/questions/" + used + "/edit", "（修订）");
        assertThat(changed.getHeader("Location")).endsWith("done=new_version");
        Document revised = page(trainer, "/exam-admin/questions/" + used);
        assertThat(revised.select("#versions tbody tr").size()).isGreaterThanOrEqualTo(2);
        assertThat(revised.select("#versions tbody tr.xa-current").text()).contains("当前");

        // English through the bundle
        assertThat(Jsoup.parse(admin.get().cookie("academy-lang", "en").when().get("/exam-admin").asString())
                .select("main h1").first().text()).isEqualTo("Exam management");
    }

    /** Posts a page's form as the browser would (with its CSRF field), optionally appending text to the stem. */
    static Response post(Api who, org.jsoup.nodes.FormElement f, String pagePath, String stemSuffix) {
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(who.get().when().get(pagePath));
        RequestSpecification r = who.get().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("academy-csrf", csrf.cookie());
        for (org.jsoup.Connection.KeyVal kv : f.formData()) {
            String v = kv.key().equals("csrf-token") ? csrf.field()
                    : kv.key().equals("stem") && stemSuffix != null ? kv.value() + stemSuffix : kv.value();
            r = r.formParam(kv.key(), v);
        }
        return r.post(f.attr("action"));
    }

    @Test
    void theImportPreviewListsEveryBadCellAndCommittingWritesNothing() throws IOException {
        Api t = trainer();
        String prefix = "PG" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        byte[] bad = QuestionBankTest.sheet(List.of(
                QuestionBankTest.row(prefix + "-1", "单选", "首违不罚的条件是什么？", List.of("初次违法", "危害后果轻微", "及时改正", "以上都是"), "D",
                        "行政处罚法", "33", "通用", "2"),
                QuestionBankTest.row(prefix + "-2", "单选", "缺选项的题", List.of("只有一个"), "E", "行政处罚法", "33", "通用", "2"),
                QuestionBankTest.row(prefix + "-3", "判断", "条号超出法律范围", List.of(), "对", "行政处罚法", "999", "通用", "9")));
        Document preview = Jsoup.parse(upload(t, bad).then().statusCode(200).extract().asString());
        List<String> cells = preview.select("#import-problems tbody tr").eachText();
        assertThat(preview.select("#import-problems tbody tr")).extracting(
                tr -> tr.select(".xa-line").text() + "|" + tr.select(".xa-column").text())
                .contains("3|D–I（选项）", "3|J（答案）", "4|M（条款）", "4|O（难度）");
        assertThat(cells).allSatisfy(c -> assertThat(c.split(" ", 3)).hasSize(3));
        assertThat(preview.select("#import-commit")).as("no commit button while there are problems").isEmpty();
        String importId = preview.select("#preview").attr("data-import");
        Response refused = form(t, "/exam-admin/questions/import").post("/exam-admin/questions/import/" + importId + "/commit");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.asString()).select("#import-refused").text()).contains("未导入任何题目");
        assertThat(Jsoup.parse(refused.asString()).select("#import-problems tbody tr .xa-line").eachText()).contains("3", "4");
        // the same refusal for a reader who chose English: every row, each with its line
        Response refusedEn = form(t, "/exam-admin/questions/import").cookie("academy-lang", "en")
                .post("/exam-admin/questions/import/" + importId + "/commit");
        assertThat(refusedEn.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refusedEn.asString()).select("#import-refused").text()).contains("nothing was imported");
        assertThat(Jsoup.parse(refusedEn.asString()).select("#import-problems tbody tr").size())
                .isEqualTo(Jsoup.parse(refused.asString()).select("#import-problems tbody tr").size());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Question.count("code LIKE ?1", prefix + "-%"))).isZero();

        // a good sheet: preview lists what is new, the button imports it
        byte[] good = QuestionBankTest.sheet(List.of(QuestionBankTest.row(prefix + "-9", "判断", "执法人员不得少于两人。", List.of(), "对",
                "行政处罚法", "42", "通用", "1")));
        Document ok = Jsoup.parse(upload(t, good).then().statusCode(200).extract().asString());
        assertThat(ok.select("#preview-created").text()).startsWith("1").contains(prefix + "-9");
        String action = ok.select("form:has(#import-commit)").attr("action");
        Response done = form(t, "/exam-admin/questions/import").post(action);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.asString()).select("#import-done").text()).contains("新增 1 题");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Question.count("code", prefix + "-9"))).isOne();

        // edit: the question is not used yet, so the same version changes; retire hides it from the default list
        Response edited = form(t, "/exam-admin/questions/" + prefix + "-9/edit").formParam("type", "TRUE_FALSE")
                .formParam("stem", "执法人员在调查时不得少于两人。").formParam("answer", "对")
                .formParam("explanation", "依据《中华人民共和国行政处罚法》第四十二条。").formParam("law", "行政处罚法")
                .formParam("articles", "42").formParam("domain", "TY").formParam("difficulty", "1")
                .post("/exam-admin/questions/" + prefix + "-9/edit");
        assertThat(edited.statusCode()).isEqualTo(303);
        Document after = page(t, edited.getHeader("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.select("#done").text()).isEqualTo("已保存。");
        assertThat(after.select("#q-stem").text()).isEqualTo("执法人员在调查时不得少于两人。");
        Response wrong = form(t, "/exam-admin/questions/" + prefix + "-9/edit").formParam("type", "TRUE_FALSE")
                .formParam("stem", "x").formParam("answer", "也许").formParam("law", "行政处罚法").formParam("articles", "42")
                .formParam("domain", "TY").formParam("difficulty", "1").formParam("explanation", "依据第四十二条。")
                .post("/exam-admin/questions/" + prefix + "-9/edit");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrong.asString()).select("#form-errors").text()).contains("判断题答案应为 对 或 错");
        assertThat(Jsoup.parse(wrong.asString()).select("#answer").val()).isEqualTo("也许");
        Response wrongEn = form(t, "/exam-admin/questions/" + prefix + "-9/edit").cookie("academy-lang", "en")
                .formParam("type", "TRUE_FALSE").formParam("stem", "x").formParam("answer", "也许").formParam("law", "行政处罚法")
                .formParam("articles", "42").formParam("domain", "TY").formParam("difficulty", "1")
                .formParam("explanation", "依据第四十二条。").post("/exam-admin/questions/" + prefix + "-9/edit");
        assertThat(wrongEn.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrongEn.asString()).select("#form-errors").text())
                .contains("the answer of a true/false question is 对 or 错");
        form(t, "/exam-admin/questions/" + prefix + "-9").post("/exam-admin/questions/" + prefix + "-9/retire").then()
                .statusCode(303);
        assertThat(page(t, "/exam-admin/questions/" + prefix + "-9").select("#q-retired").text()).isEqualTo("已停用");
        assertThat(page(t, "/exam-admin/questions?q=" + prefix).select("#bank-list li")).isEmpty();
        assertThat(page(t, "/exam-admin/questions?status=RETIRED&q=" + prefix).select("#bank-list li")).hasSize(1);
    }

    static Response upload(Api who, byte[] xlsx) throws IOException {
        Path f = Files.createTempFile("questions", ".xlsx");
        Files.write(f, xlsx);
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(who.get().when().get("/exam-admin/questions/import"));
        return who.get().redirects().follow(false).cookie("academy-csrf", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", f.toFile(), QuestionImports.XLSX).when().post("/exam-admin/questions/import");
    }

    @Test
    void aBlueprintTheBankCannotFillShowsEachSectionsShortfallAndKeepsTheForm() {
        Api admin = admin();
        String name = "页面组卷 " + UUID.randomUUID().toString().substring(0, 6);
        Response r = form(admin, "/exam-admin/blueprints/new").formParam("name", name).formParam("passMark", "60")
                .formParam("shuffleQuestions", "on")
                .formParam("s_type", "SINGLE", "", "TRUE_FALSE").formParam("s_count", "10", "", "150")
                .formParam("s_points", "2", "", "1").formParam("s_partial", "", "", "")
                .formParam("s_domains", "", "", "").formParam("s_laws", "行政处罚法", "", "行政处罚法")
                .formParam("s_dmin", "1", "1", "5").formParam("s_dmax", "5", "5", "5").formParam("s_tags", "", "", "")
                .post("/exam-admin/blueprints/new");
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.asString());
        assertThat(d.select("#form-errors").text()).contains("题库中符合条件的题目不够");
        // the empty middle row is ignored: the 判断 row is section 2, and its shortfall is shown beside it
        List<Element> rows = d.select("#section-rows fieldset.xa-row");
        assertThat(rows.get(0).select(".xa-shortfall")).isEmpty();
        assertThat(rows.get(1).select(".xa-shortfall").text()).contains("第2部分（判断）需要 150 题").contains("缺");
        assertThat(rows.get(1).select("input[name=s_count]").val()).isEqualTo("150");
        assertThat(d.select("#name").val()).isEqualTo(name);
        assertThat(d.select("#running-total").text()).isEqualTo("170");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Blueprint.count("name", name))).isZero();

        // a blueprint the bank can fill is saved and shown with its sections
        Response ok = form(admin, "/exam-admin/blueprints/new").formParam("name", name).formParam("passMark", "6")
                .formParam("s_type", "SINGLE").formParam("s_count", "5").formParam("s_points", "2")
                .formParam("s_partial", "").formParam("s_domains", "").formParam("s_laws", "行政处罚法").formParam("s_dmin", "1")
                .formParam("s_dmax", "5").formParam("s_tags", "").post("/exam-admin/blueprints/new");
        assertThat(ok.statusCode()).isEqualTo(303);
        Document saved = page(admin, ok.getHeader("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(saved.select("#done").text()).isNotBlank();
        assertThat(saved.select("#section-rows fieldset.xa-row").first().select("input[name=s_count]").val()).isEqualTo("5");
        assertThat(saved.select("#running-total").text()).isEqualTo("10");
    }

    @Test
    void anExamIsScheduledAndPublishedThroughTheFormsAndAnOverrideNeedsAReason() {
        Api admin = admin();
        long blueprint = fixtures.blueprint(admin, ExamFixtures.mixedSections(false), 10);
        ExamFixtures.Candidate cand = fixtures.candidates(1).get(0);
        String code = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime opens = LocalDate.now(ExamAdminFormat.ZONE).plusDays(1).atTime(9, 0);
        Response created = form(admin, "/exam-admin/exams/new").formParam("code", code).formParam("title", "页面安排的考试")
                .formParam("purpose", "ANNUAL").formParam("domainCode", "TY").formParam("blueprintId", String.valueOf(blueprint))
                .formParam("opensAt", local(opens)).formParam("closesAt", local(opens.plusHours(3)))
                .formParam("durationMinutes", "60").formParam("maxAttempts", "2").formParam("gradingMethod", "HIGHEST")
                .formParam("reviewPolicy", "AFTER_CLOSE").formParam("bands", GradeBands.DEFAULT)
                .formParam("grades", "SERVING").formParam("employeeNos", cand.person().employeeNo + "\n")
                .post("/exam-admin/exams/new");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        Exam e = QuarkusTransaction.requiringNew().call(() -> Exam.findByCode(code).orElseThrow());
        // datetime-local values are China Standard Time
        assertThat(e.opensAt).isEqualTo(opens.atZone(ExamAdminFormat.ZONE).toInstant());
        assertThat(e.opensAt).isEqualTo(Instant.parse(opens.toLocalDate() + "T01:00:00Z"));
        String examPage = "/exam-admin/exams/" + e.id;
        Document draft = page(admin, examPage + "?done=created");
        assertThat(draft.select("#exam-state").text()).isEqualTo("草稿");
        assertThat(draft.select("#opensAt").val()).isEqualTo(local(opens));
        assertThat(draft.select("#employeeNos").text()).isEqualTo(cand.person().employeeNo);
        assertThat(draft.select("#audience-list li").eachText()).anyMatch(s -> s.contains(cand.person().name))
                .anyMatch(s -> s.contains("在岗"));

        // a resit without its original exam is refused on the page, with what was typed
        Response resit = form(admin, "/exam-admin/exams/new").formParam("code", code + "R").formParam("title", "补考")
                .formParam("purpose", "RESIT").formParam("blueprintId", String.valueOf(blueprint))
                .formParam("opensAt", local(opens)).formParam("closesAt", "not a time").formParam("durationMinutes", "60")
                .post("/exam-admin/exams/new");
        assertThat(resit.statusCode()).isEqualTo(400);
        Document rd = Jsoup.parse(resit.asString());
        assertThat(rd.select("#form-errors").text()).contains("时间格式");
        assertThat(rd.select("#title").val()).isEqualTo("补考");

        // 发布考试 first says to how many people the exam opens, and asks
        assertThat(draft.select("a#publish").attr("href")).isEqualTo(examPage + "/publish");
        Document preview = page(admin, examPage + "/publish");
        long eligible = reports.eligibleCount(e.id); // the monitor's audience count
        assertThat(eligible).isPositive();
        assertThat(preview.select("#publish-eligible").text()).isEqualTo(String.valueOf(eligible));
        assertThat(preview.select("#publish-form").attr("action")).isEqualTo(examPage + "/publish");
        assertThat(preview.select("#publish-confirm").text()).isEqualTo("确定发布");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Exam.<Exam> findById(e.id).status))
                .isEqualTo(Exam.Status.DRAFT);
        Response published = form(admin, examPage).post(examPage + "/publish");
        assertThat(published.statusCode()).isEqualTo(303);
        Document pub = page(admin, examPage + "?done=published");
        assertThat(pub.select("#exam-state").text()).isEqualTo("已发布");
        assertThat(pub.select("#monitor-link").attr("href")).isEqualTo(examPage + "/monitor");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Exam.<Exam> findById(e.id).status))
                .isEqualTo(Exam.Status.PUBLISHED);
        // publishing twice is refused with the engine's message on the page
        Response again = form(admin, examPage).post(examPage + "/publish");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.asString()).select("#action-error").text()).contains("只有草稿状态的考试可以发布");

        // an override without a reason: refused in Chinese, nothing stored, the form keeps its values
        Response noReason = form(admin, examPage).formParam("employeeNo", cand.person().employeeNo)
                .formParam("extraMinutes", "15").formParam("reason", " ").post(examPage + "/overrides");
        assertThat(noReason.statusCode()).isEqualTo(400);
        Document nr = Jsoup.parse(noReason.asString());
        assertThat(nr.select("#override-errors").text()).contains("请说明调整原因");
        assertThat(nr.select("#o-reason-error").text()).isEqualTo("请说明调整原因");
        assertThat(nr.select("#o-extraMinutes").val()).isEqualTo("15");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ExamOverride.count("examId", e.id))).isZero();

        Response withReason = form(admin, examPage).formParam("employeeNo", cand.person().employeeNo)
                .formParam("extraMinutes", "15").formParam("reason", "视力障碍，延长时间").post(examPage + "/overrides");
        assertThat(withReason.statusCode()).isEqualTo(303);
        Document ov = page(admin, examPage + "?done=override");
        assertThat(ov.select("#override-list tbody tr").text()).contains("视力障碍，延长时间").contains(cand.person().name)
                .contains("15");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 AND entityId = ?2",
                "exam.override", String.valueOf(e.id)))).isOne();

        // cancelling needs a reason too
        Response cancel = form(admin, examPage).formParam("reason", "").post(examPage + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(cancel.asString()).select("#action-error").text()).contains("请说明取消原因");
    }

    @Test
    void theGraderSeesTheReferenceBesideTheResponseAndCompletesTheGrade() {
        ExamFixtures.Built exam = fixtures.published(1, true, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = ExamDeliveryTest.start(c, exam.examId(), "d").getLong("attemptId");
        for (int pos = 1; pos <= 15; pos++) {
            ExamDeliveryTest.save(c, attempt, pos, pos, ExamDeliveryTest.correct(attempt, pos), "d").then().statusCode(200);
        }
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);

        Api grader = exam.manager();
        Document queue = page(grader, "/exam-admin/grading?exam=" + exam.examId());
        String taskPath = "/exam-admin/grading/" + attempt + "/15?exam=" + exam.examId();
        assertThat(queue.select("#pending-list a.xa-title").eachAttr("href")).containsExactly(taskPath);
        assertThat(page(grader, "/exam-admin").select("#pending-count").text()).isNotEqualTo("0");

        Document task = page(grader, taskPath);
        Element sides = task.selectFirst("#side-by-side");
        assertThat(sides.select("> section")).hasSize(2);
        assertThat(sides.select("> section").get(0).id()).isEqualTo("reference");
        assertThat(sides.select("> section").get(1).id()).isEqualTo("response");
        String reference = QuarkusTransaction.requiringNew().call(() -> QuestionVersion.<QuestionVersion> findById(
                AttemptItem.<AttemptItem> find("attemptId = ?1 AND position = 15", attempt).firstResult().questionVersionId)
                .referenceAnswer);
        assertThat(task.select("#reference-answer").text()).isNotBlank().startsWith(reference.strip().substring(0, 20));
        assertThat(task.select("#rubric li")).isNotEmpty();
        assertThat(task.select("#candidate-response").text()).isEqualTo("本案应当依照行政处罚法第三十三条处理。");
        assertThat(task.select("#grade-form").attr("data-api")).isEqualTo("/api/v1/grading/" + attempt + "/15");
        assertThat(task.select("meta[name=csrf-token]").attr("content")).isNotBlank();

        // out of range: the engine's message on the page, typed values kept
        Response tooHigh = form(grader, taskPath).formParam("score", "99").formParam("comment", "要点齐全").post(taskPath);
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooHigh.asString()).select("#grade-error").text()).contains("得分应在 0 和 10 之间");
        assertThat(Jsoup.parse(tooHigh.asString()).select("#comment").text()).isEqualTo("要点齐全");

        Response done = form(grader, taskPath).formParam("score", "8").formParam("comment", "要点齐全，引用条文准确").post(taskPath);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.getHeader("Location")).endsWith("/exam-admin/grading?exam=" + exam.examId() + "&done=graded");
        AttemptItem item = QuarkusTransaction.requiringNew().call(
                () -> AttemptItem.<AttemptItem> find("attemptId = ?1 AND position = 15", attempt).firstResult());
        assertThat(item.score).isEqualByComparingTo("8");
        assertThat(item.gradedAt).isNotNull();
        assertThat(item.graderComment).isEqualTo("要点齐全，引用条文准确");
        assertThat(page(grader, "/exam-admin/grading?exam=" + exam.examId()).select("#pending-list li")).isEmpty();

        Document results = page(grader, "/exam-admin/exams/" + exam.examId() + "/results");
        String row = results.select("#results tbody tr").first().text();
        assertThat(row).contains(c.person().name).contains(c.person().employeeNo).contains("合格");
        assertThat(results.select("#item-stats tbody tr")).hasSize(15);
        assertThat(results.select("#results-export").attr("href")).isEqualTo("/api/v1/exams/" + exam.examId() + "/results.xlsx");
        Document monitor = page(grader, "/exam-admin/exams/" + exam.examId() + "/monitor");
        assertThat(monitor.select("#m-eligible").text()).isEqualTo("1");
        assertThat(monitor.select("#m-submitted").text()).isEqualTo("1");
        assertThat(monitor.select("#monitor").attr("data-exam")).isEqualTo(String.valueOf(exam.examId()));
    }
}
