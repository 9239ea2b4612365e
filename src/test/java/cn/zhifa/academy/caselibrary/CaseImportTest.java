package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The case-folder importer: validate first, all or nothing, idempotent, changes become versions. */
@QuarkusTest
class CaseImportTest {

    @Inject
    CaseImportService imports;

    @Inject
    TestAccounts accounts;

    @Inject
    CaseSearchService search;

    static long count(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> switch (entity) {
            case "case" -> TypicalCase.count();
            case "version" -> CaseVersion.count();
            case "audit" -> AuditEvent.count();
            default -> throw new IllegalArgumentException(entity);
        });
    }

    static Map<String, String> files(String... pathAndText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            m.put(pathAndText[i], pathAndText[i + 1]);
        }
        return m;
    }

    /** How many case files the repository's folder holds (32 when this was written). */
    static int realFiles() {
        try (var s = Files.walk(Path.of("case-library"), 2)) {
            return (int) s.filter(p -> p.getNameCount() == 3 && p.toString().endsWith(".md")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRealFolderWasImportedAtStartAndImportsAgainAsANoOpThroughTheApi() {
        // import-at-start is on in tests: every real case is published and searchable
        Api trainer = Api.as(accounts.create("imp", Roles.TRAINER, null).username, PASSWORD);
        trainer.get().when().get("/api/v1/cases/SJ-2025-001").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("author", equalTo("system")).body("origin", equalTo("IMPORTED"));
        long versions = count("version");
        trainer.post().queryParam("dryRun", true).when().post("/api/v1/cases/import").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("unchanged", equalTo(realFiles())).body("created", equalTo(0));
        trainer.post().when().post("/api/v1/cases/import").then().statusCode(200).body("files", equalTo(realFiles()))
                .body("created", equalTo(0)).body("revised", equalTo(0)).body("unchanged", equalTo(realFiles()));
        assertThat(count("version")).as("re-import is a no-op").isEqualTo(versions);
        Api sysadmin = Api.as(accounts.create("imps", Roles.SYSADMIN, null).username, PASSWORD);
        sysadmin.post().when().post("/api/v1/cases/import").then().statusCode(200).body("unchanged", equalTo(realFiles()));
    }

    @Test
    void aValidFolderIsImportedPublishedSearchableAndAudited() throws IOException {
        String a = CaseFixtures.code();
        String b = CaseFixtures.code();
        Path folder = CaseFixtures.folder(files("tongyong/" + a + ".md", CaseFixtures.file(a, "风筝"), "zonghe/" + b + ".md",
                CaseFixtures.file(b, "灯笼"), "README.md", "# 说明"));
        CaseImportService.Outcome o = QuarkusTransaction.requiringNew().call(() -> imports.importFolder(folder, "importer1", false));
        assertThat(o.created()).isEqualTo(2);
        assertThat(o.items()).extracting(CaseImportService.Item::code).containsExactly(a, b);

        Api reader = Api.as(accounts.create("rd", Roles.LEARNER, null).username, PASSWORD);
        reader.get().when().get("/api/v1/cases/" + a).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("author", equalTo("importer1")).body("reviewer", equalTo(null));
        reader.get().queryParam("q", "灯笼").when().get("/api/v1/cases").then().statusCode(200)
                .body("items.code", equalTo(List.of(b)));
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = 'case.imported' AND entityId IN ?1", List.of(a, b)).stream().map(e -> e.actor).toList());
        assertThat(audit).containsExactly("importer1", "importer1");
    }

    @Test
    void reImportIsANoOpAndAChangedFileBecomesANewVersion() throws IOException {
        String code = CaseFixtures.code();
        Path folder = CaseFixtures.folder(files("tongyong/" + code + ".md", CaseFixtures.file(code, "风筝")));
        QuarkusTransaction.requiringNew().run(() -> imports.importFolder(folder, "importer2", false));
        long versions = count("version");
        long audit = count("audit");

        CaseImportService.Outcome again = QuarkusTransaction.requiringNew()
                .call(() -> imports.importFolder(folder, "importer2", false));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.created() + again.revised()).isZero();
        assertThat(count("version")).isEqualTo(versions);
        assertThat(count("audit")).as("only the summary event").isEqualTo(audit + 1);

        // the same content spaced differently is the same content
        Files.writeString(folder.resolve("tongyong/" + code + ".md"),
                CaseFixtures.file(code, "风筝").replace("\n## ", "\n\n\n## ").replace("keywords: [风筝, 测试]", "keywords:\n  - 风筝\n  - 测试"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> imports.importFolder(folder, "importer2", false)).unchanged())
                .isEqualTo(1);

        Files.writeString(folder.resolve("tongyong/" + code + ".md"), CaseFixtures.file(code, "风筝", "后来发现了纸鸢。"));
        CaseImportService.Outcome changed = QuarkusTransaction.requiringNew()
                .call(() -> imports.importFolder(folder, "importer3", false));
        assertThat(changed.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(CaseImportService.Action.REVISE);
            assertThat(i.versionNo()).isEqualTo(2);
        });
        Api reader = Api.as(accounts.create("rd2", Roles.LEARNER, null).username, PASSWORD);
        reader.get().when().get("/api/v1/cases/" + code).then().statusCode(200).body("versionNo", equalTo(2))
                .body("author", equalTo("importer3"));
        reader.get().when().get("/api/v1/cases/" + code + "/versions/1").then().statusCode(200)
                .body("status", equalTo("SUPERSEDED"));
        reader.get().queryParam("q", "纸鸢").when().get("/api/v1/cases").then().body("items.code", equalTo(List.of(code)));
    }

    @Test
    void everyProblemInTheFolderIsReportedWithFileAndLineAndNothingIsWritten() throws IOException {
        String good = CaseFixtures.code();
        String dup = CaseFixtures.code();
        String base = CaseFixtures.file("TY-2099-0001", "风筝");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("tongyong/" + good + ".md", CaseFixtures.file(good, "风筝"));
        f.put("tongyong/TY-2099-0001.md", base.replace("keywords: [风筝, 测试]", "keywords: [风筝, 测试")); // bad YAML
        f.put("tongyong/TY-2099-0002.md", CaseFixtures.file("TY-2099-0002", "风筝").replace("matter: 测试事项风筝\n", "")); // missing field
        f.put("tongyong/TY-2099-0003.md", CaseFixtures.file("TY-2099-0003", "风筝").replace("domain: 通用", "domain: 城管"));
        f.put("tongyong/TY-2099-0004.md", CaseFixtures.file("TY-2099-0004", "风筝").replace("caseType: 执法监督", "caseType: 行政处分"));
        f.put("tongyong/TY-2099-0005.md", CaseFixtures.file("TY-2099-0005", "风筝").replace("orgLevel: 区县", "orgLevel: 省"));
        f.put("tongyong/TY-2099-0006.md", CaseFixtures.file("TY-2099-0006", "风筝").replace("law: 国家赔偿法", "law: 赔偿条例"));
        f.put("tongyong/TY-2099-0007.md", CaseFixtures.file("TY-2099-0007", "风筝").replace("## 易错点", "## 其他"));
        f.put("zonghe/" + dup + ".md", CaseFixtures.file(dup, "风筝"));
        f.put("tongyong/" + dup + ".md", CaseFixtures.file(dup, "风筝"));
        f.put("stray.md", "# 不在领域目录里");
        Path folder = CaseFixtures.folder(f);
        Files.write(folder.resolve("tongyong/TY-2099-0008.md"), new byte[] { '-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28 });

        long cases = count("case");
        long versions = count("version");
        long audit = count("audit");
        ContentInvalidException e = catchThrowableOfType(ContentInvalidException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> imports.importFolder(folder, "importer4", false)));
        List<String> problems = e.problems().stream().map(ContentProblem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0001.md:").contains("YAML"));
        assertThat(problems).contains("tongyong/TY-2099-0002.md:1: 缺少必填字段“matter”（执法事项）");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0003.md:5: 未知的领域“城管”"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0004.md:7: 未知的案例类型“行政处分”"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0005.md:8: 未知的层级“省”"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0006.md:10: 未知的法律名称“赔偿条例”"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0007.md:42: 未知的二级标题“其他”"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("tongyong/TY-2099-0007.md:45: 缺少正文部分“易错点”"));
        assertThat(problems).contains("zonghe/" + dup + ".md:2: 编号 " + dup + " 与 tongyong/" + dup + ".md 重复");
        assertThat(problems).contains("stray.md: 案例文件应放在领域目录下：<领域目录>/<编号>.md");
        assertThat(problems).contains("tongyong/TY-2099-0008.md: 文件不是 UTF-8 编码");
        assertThat(problems).noneMatch(p -> p.startsWith("tongyong/" + good));

        assertThat(count("case")).as("all or nothing").isEqualTo(cases);
        assertThat(count("version")).isEqualTo(versions);
        assertThat(count("audit")).isEqualTo(audit);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TypicalCase.byCode(good))).isEmpty();
    }

    @Test
    void aFileCannotOverwriteAPlatformCaseOrAnUnfinishedRevision() throws IOException {
        Api trainer = Api.as(accounts.create("imp3", Roles.TRAINER, null).username, PASSWORD);
        String authored = CaseFixtures.code();
        trainer.post().contentType(ContentType.JSON).body(CaseFixtures.input(authored, "风筝")).when()
                .post("/api/v1/cases").then().statusCode(201);
        String imported = CaseFixtures.code();
        Path folder = CaseFixtures.folder(files("tongyong/" + imported + ".md", CaseFixtures.file(imported, "风筝")));
        QuarkusTransaction.requiringNew().run(() -> imports.importFolder(folder, "importer5", false));
        // a trainer revises the imported case on the platform
        trainer.post().when().post("/api/v1/cases/" + imported + "/revise").then().statusCode(201);
        // unchanged file: still a no-op, the platform draft is left alone
        assertThat(QuarkusTransaction.requiringNew().call(() -> imports.importFolder(folder, "importer5", false)).unchanged())
                .isEqualTo(1);

        Files.writeString(folder.resolve("tongyong/" + authored + ".md"), CaseFixtures.file(authored, "风筝"));
        Files.writeString(folder.resolve("tongyong/" + imported + ".md"), CaseFixtures.file(imported, "风筝", "文件也改了。"));
        ContentInvalidException e = catchThrowableOfType(ContentInvalidException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> imports.importFolder(folder, "importer5", false)));
        assertThat(e.problems()).extracting(ContentProblem::toString).containsExactlyInAnyOrder(
                "tongyong/" + authored + ".md:2: 编号 " + authored + " 已是平台上编写的案例，不能再由文件导入；请换一个编号",
                "tongyong/" + imported + ".md:2: 案例 " + imported + " 在平台上有未完成的第 2 版（草稿），请先发布或处理后再导入修改后的文件");
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        ContentInvalidException e = catchThrowableOfType(ContentInvalidException.class, () -> QuarkusTransaction
                .requiringNew().run(() -> imports.importFolder(Path.of("target/no-such-folder"), "x", false)));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("案例目录不存在"));
        assertThat(e.status()).isEqualTo(422);
    }

    @Test
    void aBadFolderAtStartIsLoggedAndNeverStopsTheService() throws IOException {
        String code = CaseFixtures.code();
        Path folder = CaseFixtures.folder(files("tongyong/" + code + ".md",
                CaseFixtures.file(code, "风筝").replace("domain: 通用", "domain: 城管")));
        CaseLibraryStartup startup = new CaseLibraryStartup();
        startup.imports = imports;
        startup.search = search;
        startup.config = new TestCasesConfig(folder.toString(), true, 10, 5, CaseSearchService.SCAN_LIMIT, 256);
        long cases = count("case");
        startup.start(null); // must not throw
        assertThat(count("case")).isEqualTo(cases);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TypicalCase.byCode(code))).isEmpty();
    }

    @Test
    void theImportPageShowsTheOutcome() {
        Api trainer = Api.as(accounts.create("imp4", Roles.TRAINER, null).username, PASSWORD);
        var page = trainer.get().when().get("/cases/manage/import");
        page.then().statusCode(200).body(containsString("导入案例库目录"));
        var csrf = cn.zhifa.academy.support.TestAccounts.csrfFrom(page);
        trainer.get().cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("dryRun", "true").when().post("/cases/manage/import").then().statusCode(200)
                .body(containsString("检查通过：" + realFiles() + " 个文件"));
    }
}
