package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The certificate PDF (Chinese text extracts, QR decodes to the verification URL) and the
 * public verification page for every state, unknown and malformed numbers.
 */
@QuarkusTest
class CertificateAndVerificationTest {

    @Inject
    QualFixtures fx;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationService service;

    @Inject
    TestAccounts accounts;

    private Qualification issued(String name) {
        long id = fx.person(name, PersonCategory.OFFICER, "SFS-LJ-WJ");
        fx.hours(id, jobs.today().getYear(), 60);
        fx.passEnforcementExams(id, "WHSC", Instant.now());
        return fx.of(id).get(0);
    }

    @Test
    void certificateTextHasTheChineseNameAndNumberAndTheQrCodeIsTheVerificationUrl() throws Exception {
        Qualification q = issued("欧阳明轩");
        Account admin = accounts.create("qcert", Roles.ADMIN, "SFS-LJ");
        Response r = Api.as(admin.username, TestAccounts.PASSWORD).get().when()
                .get("/qualifications/" + q.id + "/certificate.pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("欧阳明轩").contains(q.number).contains("行政执法资格").contains("文化市场")
                    .contains("示范市司法局").contains("有效期至");
            assertThat(text).doesNotContain("?");
            List<String> decoded = new ArrayList<>();
            PDResources res = doc.getPage(0).getResources();
            for (COSName n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof PDImageXObject img) {
                    decoded.add(decode(img.getImage()));
                }
            }
            assertThat(decoded).containsExactly("https://verify.example.test/verify/" + q.number);
        }
    }

    @Test
    void theVerificationPageShowsEveryStateFromTheDatabaseAndNothingForUnknownOrMalformedNumbers() {
        LocalDate today = jobs.today();
        Qualification valid = issued("郑思远");
        Qualification suspended = issued("冯雨萱");
        Qualification cancelled = issued("韩子涵");
        Qualification expired = issued("曹一鸣");
        QuarkusTransaction.requiringNew().run(() -> {
            service.suspend(suspended.id, "调查中", today, "test");
            service.cancel(cancelled.id, "调离", today, "test");
        });
        QuarkusTransaction.requiringNew().run(() -> Qualification.update("issuedOn = ?1, expiresOn = ?2 WHERE id = ?3",
                today.minusYears(5), today.minusDays(1), expired.id));
        QuarkusTransaction.requiringNew().run(() -> service.expire(today));

        Response ok = RestAssured.given().when().get("/verify/" + valid.number);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(state(ok)).isEqualTo("VALID");
        assertThat(ok.asString()).contains("郑**").doesNotContain("郑思远").contains(valid.number).contains("望江街道");
        assertThat(ok.getHeader("Cache-Control")).contains("no-store");

        // typed sloppily: lower case, spaces
        Response typed = RestAssured.given().redirects().follow(true).queryParam("number", " " + valid.number.toLowerCase())
                .when().get("/verify");
        assertThat(state(typed)).isEqualTo("VALID");

        Response s = RestAssured.given().when().get("/verify/" + suspended.number);
        assertThat(state(s)).isEqualTo("SUSPENDED");
        assertThat(s.asString()).contains("id=\"verify-warning\"").contains("暂扣");
        Response c = RestAssured.given().when().get("/verify/" + cancelled.number);
        assertThat(state(c)).isEqualTo("CANCELLED");
        assertThat(c.asString()).contains("已被注销");
        Response e = RestAssured.given().when().get("/verify/" + expired.number);
        assertThat(state(e)).isEqualTo("EXPIRED");
        assertThat(e.asString()).contains("已过有效期");

        String unknownNumber = CertificateNumbers.generate("ZF", 2026);
        Response unknown = RestAssured.given().when().get("/verify/" + unknownNumber);
        Response malformed = RestAssured.given().when().get("/verify/ZF26-%27%3B--");
        Response typo = RestAssured.given().when().get("/verify/" + valid.number.substring(0, valid.number.length() - 1)
                + (valid.number.endsWith("0") ? "1" : "0"));
        for (Response nf : List.of(unknown, malformed, typo)) {
            assertThat(nf.statusCode()).isEqualTo(404);
            assertThat(nf.asString()).contains("id=\"verify-not-found\"").doesNotContain("verify-state");
        }
        // same page shape for unknown and malformed: only the echoed number differs
        assertThat(strip(unknown.asString(), unknownNumber)).isEqualTo(strip(malformed.asString(), "ZF26-';--"));
        // no listing: the bare path is the form, not a list
        assertThat(RestAssured.given().when().get("/verify").asString()).doesNotContain("郑**").doesNotContain(
                valid.number);
    }

    private static String state(Response r) {
        Matcher m = Pattern.compile("id=\"verify-state\" data-state=\"([A-Z]+)\"").matcher(r.asString());
        return m.find() ? m.group(1) : null;
    }

    private static String strip(String html, String number) {
        // the typed number is echoed in the form field and the language link; nothing else may differ
        return html.replace(number, "#").replaceAll("value=\"[^\"]*\"", "").replaceAll("back=[^\"]*\"", "")
                .replaceAll("content=\"[^\"]*\"", "");
    }

    static String decode(BufferedImage img) throws Exception {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)))).getText();
    }
}
