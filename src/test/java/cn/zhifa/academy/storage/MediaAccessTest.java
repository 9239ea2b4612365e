package cn.zhifa.academy.storage;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.caselibrary.CaseSection;
import cn.zhifa.academy.demo.DemoData;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.roster.RosterColumn;
import cn.zhifa.academy.people.roster.RosterImport;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.MovableClock;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 12 item 1: a stored file is read only under its owner's rules, by its random public
 * id; import files expire; a stored roster carries no ID number in clear.
 */
@QuarkusTest
class MediaAccessTest {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

    @Inject
    MovableClock clock;

    @Inject
    TestAccounts accounts;

    @Inject
    ObjectStore store;

    @Inject
    MediaRetentionJob retention;

    @Inject
    cn.zhifa.academy.people.IdNumberHasher idHasher;

    Api ljAdmin;
    Api cityAdmin;
    Api qsAdmin;
    Api learner;
    Api provider;
    Api trainer;
    Api sysadmin;
    long subjectId;
    Api subject;

    @BeforeEach
    void setUp() {
        long ljUnit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ-JB").orElseThrow().id);
        List<Person> people = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 AND providerId IS NULL AND id NOT IN (SELECT a.personId FROM Account a "
                        + "WHERE a.personId IS NOT NULL) ORDER BY id", ljUnit).page(0, 2).list());
        subjectId = people.get(0).id;
        long otherPerson = people.get(1).id;
        long providerId = QuarkusTransaction.requiringNew()
                .call(() -> Provider.<Provider> findAll().firstResult().id);
        ljAdmin = as(accounts.create("m-lj", Roles.ADMIN, "SFS-LJ"));
        cityAdmin = as(accounts.create("m-city", Roles.ADMIN, "SFS"));
        qsAdmin = as(accounts.create("m-qs", Roles.ADMIN, "SFS-QS"));
        learner = as(accounts.create("m-learner", Roles.LEARNER, null, null, otherPerson));
        subject = as(accounts.create("m-subject", Roles.LEARNER, null, null, subjectId));
        provider = as(accounts.create("m-prov", Roles.PROVIDER_MANAGER, null, providerId, null));
        trainer = as(accounts.create("m-trainer", Roles.TRAINER, "SFS"));
        sysadmin = as(accounts.create("m-sys", Roles.SYSADMIN, null));
    }

    private static Api as(Account a) {
        return Api.as(a.username, PASSWORD);
    }

    /** The same answer on all three paths: 200 (readable) or 404 (refused without revealing). */
    private static void expect(Api who, String publicId, int status) {
        for (String path : new String[] { "", "/url", "/content" }) {
            who.get().when().get("/api/v1/media/" + publicId + path).then().statusCode(status);
        }
    }

    private static MediaObject byPublicId(String publicId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> MediaObject.<MediaObject> find("publicId", UUID.fromString(publicId)).firstResult());
    }

    private static String publicIdOf(long mediaId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> MediaObject.<MediaObject> findById(mediaId).publicId.toString());
    }

    // ---- fixtures ----------------------------------------------------------------------

    private static int series = 700_000 + (int) (Math.random() * 200_000);

    private static List<String[]> rosterRows(int n) {
        List<String> ids = DemoData.idNumbers(series, n);
        series += n;
        String prefix = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] r = new String[RosterColumn.values().length];
            Arrays.fill(r, "");
            r[RosterColumn.NAME.ordinal()] = "媒体" + prefix + i;
            r[RosterColumn.EMPLOYEE_NO.ordinal()] = prefix + "-" + i;
            r[RosterColumn.ID_NUMBER.ordinal()] = ids.get(i);
            r[RosterColumn.CATEGORY.ordinal()] = "执法人员";
            r[RosterColumn.GRADE.ordinal()] = "在岗";
            r[RosterColumn.UNIT.ordinal()] = "SFS-LJ-JB";
            rows.add(r);
        }
        return rows;
    }

    private static byte[] csv(List<String[]> rows) {
        String header = Arrays.stream(RosterColumn.values()).map(c -> c.header).collect(Collectors.joining(","));
        return (header + "\r\n" + rows.stream().map(r -> String.join(",", r)).collect(Collectors.joining("\r\n"))
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("人员花名册");
            Row h = s.createRow(0);
            for (RosterColumn c : RosterColumn.values()) {
                h.createCell(c.ordinal()).setCellValue(c.header);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(i + 1);
                for (int j = 0; j < rows.get(i).length; j++) {
                    if (!rows.get(i)[j].isEmpty()) {
                        r.createCell(j).setCellValue(rows.get(i)[j]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Previews a roster as the district administrator; returns the import id. */
    private static long rosterImport(Api who, String filename, byte[] body, String type) {
        return who.post().multiPart("file", filename, body, type).when().post("/api/v1/people/import").then()
                .statusCode(200).extract().jsonPath().getLong("importId");
    }

    private static MediaObject rosterFile(long importId) {
        long mediaId = QuarkusTransaction.requiringNew().call(() -> RosterImport.<RosterImport> findById(importId).mediaId);
        return QuarkusTransaction.requiringNew().call(() -> MediaObject.<MediaObject> findById(mediaId));
    }

    private String storedText(MediaObject m) throws IOException {
        try (InputStream in = store.read(m.objectKey, 0, m.sizeBytes)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- who reads what ----------------------------------------------------------------

    @Test
    void aRosterImportIsReadOnlyByItsImporterAndAdministratorsWhoseScopeCoversIt() {
        long importId = rosterImport(ljAdmin, "roster.csv", csv(rosterRows(3)), "text/csv");
        MediaObject m = rosterFile(importId);
        assertThat(m.ownerKind).isEqualTo(MediaOwner.IMPORT_FILE);
        assertThat(m.ownerId).isEqualTo(importId);
        assertThat(m.expiresAt).isAfter(Instant.now().plus(Duration.ofDays(29)));
        String id = m.publicId.toString();

        expect(learner, id, 404);
        expect(provider, id, 404);
        expect(trainer, id, 404);
        expect(qsAdmin, id, 404);
        expect(ljAdmin, id, 200);
        expect(cityAdmin, id, 200);
        expect(sysadmin, id, 200);
    }

    @Test
    void aQuestionBankImportIsReadOnlyByItsImporterAndAdministratorsInScope() throws IOException {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("题目").createRow(0).createCell(0).setCellValue("编号");
            wb.write(out);
            book = out.toByteArray();
        }
        JsonPath p = trainer.post().multiPart("file", "bank.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .when().post("/api/v1/questions/import").then().statusCode(200).extract().jsonPath();
        String id = p.getString("importId");
        assertThat(byPublicId(id).ownerKind).isEqualTo(MediaOwner.IMPORT_FILE);

        expect(learner, id, 404);
        expect(provider, id, 404);
        expect(qsAdmin, id, 404);
        expect(trainer, id, 200);
        expect(cityAdmin, id, 200);
    }

    @Test
    void offlineTrainingEvidenceFollowsTheScopeOfThePersonItIsAbout() {
        byte[] pdf = "%PDF-1.4\n签到表".getBytes(StandardCharsets.UTF_8);
        ljAdmin.post().multiPart("personId", String.valueOf(subjectId)).multiPart("hours", "4")
                .multiPart("date", java.time.LocalDate.now().toString()).multiPart("description", "媒体权限测试")
                .multiPart("evidence", "签到表.pdf", pdf, "application/pdf").when()
                .post("/api/v1/plans/offline-training").then().statusCode(201);
        long mediaId = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.HoursEntry
                .<cn.zhifa.academy.curriculum.HoursEntry> find("personId = ?1 ORDER BY id DESC", subjectId).firstResult()
                .evidenceMediaId);
        String id = publicIdOf(mediaId);
        MediaObject m = byPublicId(id);
        assertThat(m.ownerKind).isEqualTo(MediaOwner.EVIDENCE);
        assertThat(m.ownerId).isEqualTo(subjectId);

        expect(learner, id, 404);
        expect(provider, id, 404);
        expect(qsAdmin, id, 404);
        expect(ljAdmin, id, 200);
        expect(cityAdmin, id, 200);
        expect(subject, id, 200);
    }

    @Test
    void aDraftCaseAttachmentIsOnlyForAuthorsAndAdministrators() {
        String code = "TY-2099-" + (5000 + (int) (Math.random() * 4000));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("code", code);
        in.put("title", "媒体权限测试案例");
        in.put("keywords", List.of("媒体", "测试"));
        in.put("domain", "通用");
        in.put("matter", "测试事项");
        in.put("caseType", "执法监督");
        in.put("orgLevel", "区县");
        in.put("legalBasis", List.of(Map.of("law", "国家赔偿法", "article", 2, "note", "测试引用")));
        in.put("tags", List.of("测试标签"));
        in.put("source", "自动化测试");
        in.put("date", "2099-01-15");
        Map<String, String> sections = new LinkedHashMap<>();
        for (CaseSection s : CaseSection.values()) {
            sections.put(s.key(), "用于媒体权限测试的虚构" + s.heading + "。");
        }
        in.put("sections", sections);
        trainer.post().contentType(ContentType.JSON).body(in).when().post("/api/v1/cases").then().statusCode(201);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        JsonPath view = trainer.post().multiPart("title", "草稿附件", "text/plain; charset=UTF-8")
                .multiPart("file", "draft.pdf", pdf, "application/pdf").when()
                .post("/api/v1/cases/" + code + "/attachments").then().statusCode(200).extract().jsonPath();
        String id = view.getString("attachments[0].mediaId");
        assertThat(view.getString("attachments[0].url")).isEqualTo("/api/v1/media/" + id + "/content");
        assertThat(byPublicId(id).ownerKind).isEqualTo(MediaOwner.CASE_ATTACHMENT);

        expect(learner, id, 404);
        expect(provider, id, 404);
        expect(trainer, id, 200);
        expect(cityAdmin, id, 200);

        // the author detaches it again by its public id
        trainer.post().when().delete("/api/v1/cases/" + code + "/attachments/" + id).then().statusCode(200);
    }

    @Test
    void aFileIsNamedOnlyByItsRandomPublicId() {
        long importId = rosterImport(ljAdmin, "roster.csv", csv(rosterRows(1)), "text/csv");
        MediaObject m = rosterFile(importId);
        expect(ljAdmin, m.publicId.toString(), 200);
        expect(ljAdmin, String.valueOf(m.id), 404);
        expect(ljAdmin, "00000000-0000-0000-0000-000000000000", 404);
    }

    @Test
    void lessonMediaIsForThoseWhoMayTakeTheCourseAndAnUploadForItsUploader() {
        String video = QuarkusTransaction.requiringNew().call(() -> {
            long mediaId = cn.zhifa.academy.curriculum.Lesson.<cn.zhifa.academy.curriculum.Lesson> find(
                    "type = ?1 AND mediaId IS NOT NULL", cn.zhifa.academy.curriculum.LessonType.VIDEO).firstResult().mediaId;
            return MediaObject.<MediaObject> findById(mediaId).publicId.toString();
        });
        assertThat(byPublicId(video).ownerKind).isEqualTo(MediaOwner.LESSON_MEDIA);
        expect(learner, video, 200);
        expect(trainer, video, 200);
        expect(provider, video, 404);

        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
        String upload = trainer.post().multiPart("file", "图.png", png, "image/png").when().post("/api/v1/media").then()
                .statusCode(201).extract().jsonPath().getString("id");
        expect(trainer, upload, 200);
        expect(learner, upload, 404);
        expect(provider, upload, 404);
        expect(cityAdmin, upload, 404);
        expect(sysadmin, upload, 200);
    }

    // ---- retention ---------------------------------------------------------------------

    @Test
    void theRetentionJobDeletesAnImportFileOnceItsRetentionHasPassed() throws IOException {
        long importId = rosterImport(ljAdmin, "old.csv", csv(rosterRows(2)), "text/csv");
        MediaObject m = rosterFile(importId);
        String id = m.publicId.toString();

        try {
            // time moves instead of back-dating the row: the job runs as the scheduler runs it
            clock.advance(Duration.ofDays(29));
            retention.scheduled();
            expect(ljAdmin, id, 200);
            assertThat(store.size(m.objectKey)).as("kept within the retention").isPresent();

            clock.advance(Duration.ofDays(2));
            int purged = retention.purgeExpired(Now.instant());
            assertThat(purged).isGreaterThanOrEqualTo(1);
            assertThat(store.size(m.objectKey)).as("bytes deleted").isEmpty();
            MediaObject after = byPublicId(id);
            assertThat(after.purgedAt).isNotNull();
            expect(ljAdmin, id, 404);
            expect(sysadmin, id, 404);
            assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "action = 'media.purged' AND entityId = ?1", String.valueOf(m.id)))).isEqualTo(1);
            // the import can no longer be committed
            ljAdmin.post().when().post("/api/v1/people/import/" + importId + "/commit").then().statusCode(410);
            // a second run finds nothing more to do for it
            retention.scheduled();
            assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "action = 'media.purged' AND entityId = ?1", String.valueOf(m.id)))).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    // ---- roster ID numbers ---------------------------------------------------------------

    @Test
    void aStoredRosterHoldsNoIdNumberInClearAndStillCommits() throws IOException {
        List<String[]> rows = rosterRows(4);
        for (boolean asXlsx : new boolean[] { false, true }) {
            List<String[]> batch = asXlsx ? rosterRows(3) : rows;
            long importId = asXlsx
                    ? rosterImport(ljAdmin, "roster.xlsx", xlsx(batch),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    : rosterImport(ljAdmin, "roster.csv", csv(batch), "text/csv");
            MediaObject m = rosterFile(importId);
            String stored = storedText(m);
            assertThat(ID_NUMBER.matcher(stored).find()).as("an 18-digit ID number in the stored copy").isFalse();
            for (String[] r : batch) {
                assertThat(stored).doesNotContain(r[RosterColumn.ID_NUMBER.ordinal()])
                        .contains(r[RosterColumn.EMPLOYEE_NO.ordinal()]);
            }
            // what the importer downloads is the same masked copy
            String served = ljAdmin.get().when().get("/api/v1/media/" + m.publicId + "/content").then().statusCode(200)
                    .extract().asString();
            assertThat(ID_NUMBER.matcher(served).find()).isFalse();

            ljAdmin.post().when().post("/api/v1/people/import/" + importId + "/commit").then().statusCode(200);
            String no = batch.get(0)[RosterColumn.EMPLOYEE_NO.ordinal()];
            Person p = QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(no).orElseThrow());
            String id = batch.get(0)[RosterColumn.ID_NUMBER.ordinal()];
            assertThat(p.idMasked).isEqualTo(cn.zhifa.academy.people.ResidentIds.mask(id));
            assertThat(p.idHash).as("the commit re-validated with the same hash").isEqualTo(idHasher.hash(id));
            assertThat(p.idMasked).doesNotContain(id.substring(6, 14));
        }
    }
}
