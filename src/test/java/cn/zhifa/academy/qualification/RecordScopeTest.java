package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Who sees which personal record and qualification (404 out of scope, 403 for the wrong role), and the record PDF. */
@QuarkusTest
class RecordScopeTest {

    @Inject
    QualFixtures fx;

    @Inject
    QualificationJobs jobs;

    @Inject
    TestAccounts accounts;

    @Test
    void recordPageAndQualificationApiFollowTheOrganisationScope() throws Exception {
        long person = fx.person("黄佳怡", PersonCategory.OFFICER, "SFS-LJ-JB");
        long other = fx.person("蒋文博", PersonCategory.OFFICER, "SFS-LJ-JB");
        fx.hours(person, jobs.today().getYear(), 62);
        fx.passEnforcementExams(person, "SCJG", Instant.now());
        long qid = fx.of(person).get(0).id;

        Api self = Api.as(accounts.create("qself", Roles.LEARNER, "SFS-LJ-JB", null, person).username,
                TestAccounts.PASSWORD);
        Api district = Api.as(accounts.create("qlj", Roles.ADMIN, "SFS-LJ").username, TestAccounts.PASSWORD);
        Api elsewhere = Api.as(accounts.create("qqs", Roles.ADMIN, "SFS-QS").username, TestAccounts.PASSWORD);
        Api stranger = Api.as(accounts.create("qother", Roles.LEARNER, "SFS-LJ-JB", null, other).username,
                TestAccounts.PASSWORD);

        Response page = self.get().when().get("/records/people/" + person);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("黄佳怡").contains("id=\"record-qualifications\"")
                .contains("id=\"record-hours\"").contains("id=\"record-exams\"").contains("62").contains("QS-" + person);
        assertThat(self.get().redirects().follow(false).when().get("/records/me").getHeader("Location"))
                .endsWith("/records/people/" + person);
        assertThat(district.get().when().get("/records/people/" + person).statusCode()).isEqualTo(200);
        assertThat(elsewhere.get().when().get("/records/people/" + person).statusCode()).isEqualTo(404);
        assertThat(stranger.get().when().get("/records/people/" + person).statusCode()).isEqualTo(404);
        assertThat(stranger.get().when().get("/records/people/" + person + "/record.pdf").statusCode()).isEqualTo(404);

        Response pdf = self.get().when().get("/records/people/" + person + "/record.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("黄佳怡").contains("学习档案").contains("资格与证书").contains("行政执法资格");
        }

        // the qualification API: read in scope, 404 outside, 403 for learners' writes
        assertThat(self.get().when().get("/api/v1/qualifications/" + qid).statusCode()).isEqualTo(200);
        assertThat(district.get().when().get("/api/v1/qualifications/" + qid).statusCode()).isEqualTo(200);
        assertThat(elsewhere.get().when().get("/api/v1/qualifications/" + qid).statusCode()).isEqualTo(404);
        assertThat(stranger.get().when().get("/api/v1/qualifications/" + qid).statusCode()).isEqualTo(404);
        assertThat(stranger.get().when().get("/qualifications/" + qid + "/certificate.pdf").statusCode()).isEqualTo(404);
        assertThat(elsewhere.post().contentType(ContentType.JSON).body("{\"reason\":\"越权\"}").when()
                .post("/api/v1/qualifications/" + qid + "/suspend").statusCode()).isEqualTo(404);
        assertThat(self.post().contentType(ContentType.JSON).body("{\"reason\":\"自己\"}").when()
                .post("/api/v1/qualifications/" + qid + "/suspend").statusCode()).isEqualTo(403);
        assertThat(elsewhere.post().contentType(ContentType.JSON)
                .body("{\"personId\":" + person + ",\"typeCode\":\"ZFZG\",\"domainCode\":\"ZHZF\",\"reason\":\"越权\"}")
                .when().post("/api/v1/qualifications").statusCode()).isEqualTo(404);
        // lists: the other district's admin does not see the qualification
        assertThat(elsewhere.get().when().get("/api/v1/qualifications?state=VALID").asString())
                .doesNotContain("\"id\":" + qid + ",");
        assertThat(district.get().when().get("/api/v1/qualifications?state=VALID").asString())
                .contains("\"id\":" + qid + ",");
        // the detail page carries the stable ids the browser journey uses
        String detail = district.get().when().get("/qualifications/" + qid).asString();
        assertThat(detail).contains("id=\"qual-certificate\"").contains("id=\"qual-verify\"").contains("id=\"qual-suspend\"");
        assertThat(self.get().when().get("/qualifications/" + qid).asString()).doesNotContain("id=\"qual-suspend\"");
    }

    @Test
    void aManualIssueNeedsAReasonAndAnInScopeAdmin() {
        long person = fx.person("潘晨阳", PersonCategory.LEGAL_REVIEWER, "SFS-YX-YX");
        Api admin = Api.as(accounts.create("qyx", Roles.ADMIN, "SFS-YX").username, TestAccounts.PASSWORD);
        admin.post().contentType(ContentType.JSON).body("{\"personId\":" + person + ",\"typeCode\":\"FZSH\",\"reason\":\"\"}")
                .when().post("/api/v1/qualifications").then().statusCode(400);
        admin.post().contentType(ContentType.JSON).body("{\"personId\":" + person + ",\"typeCode\":\"ZFZG\","
                + "\"domainCode\":\"ZHZF\",\"reason\":\"类别不符\"}").when().post("/api/v1/qualifications").then()
                .statusCode(400);
        admin.post().contentType(ContentType.JSON).body("{\"personId\":" + person + ",\"typeCode\":\"FZSH\","
                + "\"reason\":\"经省司法厅考试合格（纸质档案）\"}").when().post("/api/v1/qualifications").then().statusCode(201);
        assertThat(fx.of(person)).singleElement().satisfies(q -> {
            assertThat(q.issueMode).isEqualTo(Qualification.IssueMode.MANUAL);
            assertThat(q.basis).contains("纸质档案");
            assertThat(fx.auditActions(q.id)).containsExactly("qualification.issued");
        });
        admin.post().contentType(ContentType.JSON).body("{\"personId\":" + person + ",\"typeCode\":\"FZSH\","
                + "\"reason\":\"重复\"}").when().post("/api/v1/qualifications").then().statusCode(409);
    }
}
