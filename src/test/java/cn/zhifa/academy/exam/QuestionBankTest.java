package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionBankService;
import cn.zhifa.academy.exam.bank.QuestionImports;
import cn.zhifa.academy.exam.bank.QuestionInput;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.exam.bank.QuestionXlsx;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The bank: the repository's questions, spreadsheet import/export, versions, blueprints the bank cannot fill. */
@QuarkusTest
class QuestionBankTest {

    @Inject
    TestAccounts accounts;

    @Inject
    ExamFixtures fixtures;

    Api trainer() {
        Account a = accounts.create("bank-trainer", Roles.TRAINER, "SFS");
        return Api.as(a.username, PASSWORD);
    }

    static byte[] sheet(List<List<String>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(QuestionXlsx.SHEET);
            Row h = s.createRow(0);
            for (int c = 0; c < QuestionXlsx.HEADERS.size(); c++) {
                h.createCell(c).setCellValue(QuestionXlsx.HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A row in the template layout: code, type, stem, options A–F, answer, explanation, law, articles, domain, difficulty. */
    static List<String> row(String code, String type, String stem, List<String> options, String answer, String law,
            String articles, String domain, String difficulty) {
        List<String> r = new java.util.ArrayList<>(List.of(code, type, stem));
        for (int i = 0; i < 6; i++) {
            r.add(i < options.size() ? options.get(i) : "");
        }
        r.addAll(List.of(answer, "依据《中华人民共和国行政处罚法》第三十三条。", law, articles, domain, difficulty, "在岗", "镇街", "首违不罚",
                "", "", ""));
        return r;
    }

    static JsonPath upload(Api api, byte[] xlsx) throws IOException {
        Path f = Files.createTempFile("questions", ".xlsx");
        Files.write(f, xlsx);
        return api.post().multiPart("file", f.toFile(), QuestionImports.XLSX).when().post("/api/v1/questions/import")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theRepositoryBankIsImportedWithKeysInTheirStoredForm() {
        long count = QuarkusTransaction.requiringNew().call(() -> Question.count());
        assertThat(count).isGreaterThanOrEqualTo(291);
        QuestionVersion cf = QuarkusTransaction.requiringNew().call(() -> QuestionBankService.currentVersion("AL-001").orElseThrow());
        assertThat(cf.type).isEqualTo(QuestionType.CASE_ANALYSIS);
        assertThat(cf.referenceAnswer).contains("第三十三条");
        assertThat(cf.defaultPoints).isEqualByComparingTo("10");
    }

    @Test
    void everyBadCellIsReportedWithLineAndColumnAndNothingIsWritten() throws IOException {
        Api t = trainer();
        byte[] bad = sheet(List.of(
                row("IMP-001", "单选", "首违不罚的条件是什么？", List.of("初次违法", "危害后果轻微", "及时改正", "以上都是"), "D", "行政处罚法", "33", "通用", "2"),
                row("IMP-002", "单选", "缺选项的题", List.of("只有一个"), "E", "行政处罚法", "33", "通用", "2"),
                row("IMP-003", "问答", "题型不对", List.of(), "", "行政处罚法", "33", "通用", "2"),
                row("IMP-004", "判断", "条号超出法律范围", List.of(), "对", "行政处罚法", "999", "通用", "9"),
                row("IMP-001", "判断", "重复编号", List.of(), "对", "不存在的法", "33", "火星", "2")));
        JsonPath p = upload(t, bad);
        List<Map<String, Object>> problems = p.getList("problems");
        assertThat(problems).extracting(m -> m.get("line") + "|" + m.get("column")).contains(
                "3|D–I（选项）", "3|J（答案）", "4|B（题型）", "5|M（条款）", "5|O（难度）", "6|A（编号）", "6|L（法律）", "6|N（领域）");
        assertThat(problems).allSatisfy(m -> assertThat((String) m.get("message")).isNotBlank());
        assertThat(problems).extracting(m -> m.get("column") + "|" + m.get("message"))
                .contains("B（题型）|应为 单选、多选、判断、填空 或 案例分析，而不是“问答”");
        t.post().when().post("/api/v1/questions/import/" + p.getString("importId") + "/commit").then().statusCode(422)
                .contentType(containsString("application/problem+json"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Question.count("code LIKE 'IMP-%'"))).isZero();

        // the same problems for a reader who chose English: the reasons are English, the file's words stay
        Path f = Files.createTempFile("questions", ".xlsx");
        Files.write(f, bad);
        JsonPath en = t.post().cookie("academy-lang", "en").multiPart("file", f.toFile(), QuestionImports.XLSX).when()
                .post("/api/v1/questions/import").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> enProblems = en.getList("problems");
        assertThat(enProblems).extracting(m -> m.get("column") + "|" + m.get("message"))
                .contains("B (题型)|should be 单选, 多选, 判断, 填空 or 案例分析, not \"问答\"");
        t.post().cookie("academy-lang", "en").when().post("/api/v1/questions/import/" + en.getString("importId") + "/commit")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.endsWith("error(s); no question was imported."));
    }

    @Test
    void aGoodSheetImportsOnceAndReImportingChangesNothing() throws IOException {
        Api t = trainer();
        byte[] good = sheet(List.of(
                row("GOOD-001", "单选", "对初次违法且危害后果轻微并及时改正的，可以怎样处理？", List.of("不予行政处罚", "从重处罚", "罚金", "拘留"), "A", "行政处罚法", "33", "通用", "2"),
                row("GOOD-002", "多选", "下列属于行政处罚种类的有？", List.of("警告", "罚款", "罚金", "没收违法所得"), "ABD", "行政处罚法", "9", "通用", "2"),
                row("GOOD-003", "填空", "执法人员不得少于____人。", List.of(), "两|二|2", "行政处罚法", "42", "通用", "1")));
        JsonPath p = upload(t, good);
        assertThat(p.getList("problems")).isEmpty();
        assertThat(p.getList("created")).containsExactly("GOOD-001", "GOOD-002", "GOOD-003");
        JsonPath report = t.post().when().post("/api/v1/questions/import/" + p.getString("importId") + "/commit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getList("created")).hasSize(3);
        JsonPath again = upload(t, good);
        assertThat(again.getList("unchanged")).hasSize(3);
        assertThat(again.getList("created")).isEmpty();
        t.post().when().post("/api/v1/questions/import/" + again.getString("importId") + "/commit").then().statusCode(200)
                .body("unchanged.size()", org.hamcrest.Matchers.is(3));
        JsonPath detail = t.get().when().get("/api/v1/questions/GOOD-002").then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("key")).isEqualTo("ABD");
        // the type's name in the reader's language; the files keep the format's word (below)
        assertThat(t.get().queryParam("q", "GOOD-").when().get("/api/v1/questions").then().statusCode(200).extract()
                .jsonPath().getList("rows.typeLabel")).containsExactly("单选", "多选", "填空");
        assertThat(t.get().cookie("academy-lang", "en").queryParam("q", "GOOD-").when().get("/api/v1/questions").then()
                .statusCode(200).extract().jsonPath().getList("rows.typeLabel"))
                .containsExactly("Single choice", "Multiple choice", "Fill in");
        byte[] englishExport = t.get().cookie("academy-lang", "en").queryParam("q", "GOOD-").when()
                .get("/api/v1/questions/export.xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(QuestionXlsx.read(new ByteArrayInputStream(englishExport)).inputs()).extracting(QuestionInput::type)
                .containsExactly("单选", "多选", "填空");
        // the export re-imports to exactly the same questions
        byte[] export = t.get().queryParam("q", "GOOD-").when().get("/api/v1/questions/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        JsonPath round = upload(t, export);
        assertThat(round.getList("problems")).isEmpty();
        assertThat(round.getList("unchanged")).containsExactlyInAnyOrder("GOOD-001", "GOOD-002", "GOOD-003");
        // the template downloads and is itself a valid sheet
        byte[] template = t.get().when().get("/api/v1/questions/template.xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(QuestionXlsx.read(new ByteArrayInputStream(template)).problems()).isEmpty();
    }

    @Test
    void editingAQuestionUsedByAnExamCreatesANewVersionAndKeepsTheOldOne() throws IOException {
        Api t = trainer();
        JsonPath p = upload(t, sheet(List.of(row("VER-001", "判断", "执法人员可以一人执法。", List.of(), "错", "行政处罚法", "42", "通用", "1"))));
        t.post().when().post("/api/v1/questions/import/" + p.getString("importId") + "/commit").then().statusCode(200);
        Map<String, Object> edit = new HashMap<>();
        edit.put("code", "VER-001");
        edit.put("type", "判断");
        edit.put("stem", "执法人员在调查时可以只有一人。");
        edit.put("answer", List.of("错"));
        edit.put("explanation", "依据《中华人民共和国行政处罚法》第四十二条，执法人员不得少于两人。");
        edit.put("law", "行政处罚法");
        edit.put("articles", "42");
        edit.put("domain", "通用");
        edit.put("difficulty", "1");
        // not yet used: edited in place
        t.post().contentType("application/json").body(edit).when().put("/api/v1/questions/VER-001").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.is(1));
        QuarkusTransaction.requiringNew().run(() -> QuestionVersion.update("used = true WHERE questionId = (SELECT id FROM Question WHERE code = 'VER-001')"));
        edit.put("stem", "执法人员在调查或者检查时可以只有一人。");
        JsonPath after = t.post().contentType("application/json").body(edit).when().put("/api/v1/questions/VER-001").then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getInt("version")).isEqualTo(2);
        assertThat(after.getList("versions", Integer.class)).containsExactly(1, 2);
        String old = QuarkusTransaction.requiringNew().call(() -> QuestionVersion.<QuestionVersion> find(
                "questionId = (SELECT id FROM Question WHERE code = 'VER-001') AND number = 1").firstResult().stemMd);
        assertThat(old).isEqualTo("执法人员在调查时可以只有一人。");
        // a bad edit is refused with the field
        edit.put("difficulty", "7");
        t.post().contentType("application/json").body(edit).when().put("/api/v1/questions/VER-001").then().statusCode(422)
                .body("errors[0].message", containsString("1–5"));
        // retire: gone from the active list
        t.post().when().post("/api/v1/questions/VER-001/retire").then().statusCode(200).body("status", org.hamcrest.Matchers.is("RETIRED"));
        t.get().queryParam("q", "VER-001").when().get("/api/v1/questions").then().body("total", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aBlueprintTheBankCannotFillIsRefusedWithTheSectionAndTheShortfall() {
        Api manager = fixtures.manager();
        Map<String, Object> cases = ExamFixtures.section("案例分析", 50, 10);
        Map<String, Object> b = new HashMap<>();
        b.put("name", "不可能的组卷");
        b.put("passMark", 60);
        b.put("sections", List.of(ExamFixtures.section("单选", 2, 1), cases));
        manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.is("sections[2]"))
                .body("errors[0].message", containsString("需要 50 题"))
                .body("errors[0].message", containsString("缺 " + (50 - caseAnalysisQuestionsInTheRepository()) + " 题"));
        // filters count: no 判断 question on 国家赔偿法 at difficulty 5
        Map<String, Object> narrow = ExamFixtures.section("判断", 3, 1);
        narrow.put("laws", "国家赔偿法");
        narrow.put("difficultyMin", 5);
        b.put("sections", List.of(narrow));
        b.put("passMark", 2);
        manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.is("sections[1]"));
        // exclusion groups (互斥组) count: XK-001 (单选) and XK-028 (填空) test one fact, so one paper cannot hold both
        Map<String, Object> single = ExamFixtures.section("单选", 1, 1);
        single.put("tags", "互斥组:许可决定期限二十日");
        Map<String, Object> fill = ExamFixtures.section("填空", 1, 1);
        fill.put("tags", "互斥组:许可决定期限二十日");
        b.put("sections", List.of(single));
        b.put("passMark", 1);
        b.put("name", "互斥组单题");
        manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(201);
        b.put("sections", List.of(single, fill));
        b.put("name", "互斥组两题");
        manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.is("sections[2]"))
                .body("errors[0].message", containsString("缺 1 题"));
        b.put("name", "不可能的组卷");
        // a pass mark above the total is a plain 400
        b.put("sections", List.of(ExamFixtures.section("单选", 2, 1)));
        b.put("passMark", 3);
        manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("passMark"));
        // trainers and learners outside the manager roles: learners are refused
        Account learner = accounts.create("bank-learner", Roles.LEARNER, null);
        Api.as(learner.username, PASSWORD).get().when().get("/api/v1/questions").then().statusCode(403);
    }

    /** The 案例分析 questions in courses/question-bank (the bank grows; the test should not need editing). */
    static int caseAnalysisQuestionsInTheRepository() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("courses/question-bank"))) {
            int n = 0;
            for (var f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                n += (int) java.nio.file.Files.readAllLines(f).stream().filter(l -> l.trim().equals("type: 案例分析")).count();
            }
            return n;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
