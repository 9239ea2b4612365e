package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At phone width: an administrator opens the dashboard, drills into a qualification expiring
 * within 30 days, opens its certificate, and the public verification page (reached through the
 * certificate's QR code) shows the same state.
 */
@QuarkusTest
class RecordsJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Test
    void dashboardToExpiringQualificationToCertificateToVerification() throws Exception {
        Account admin = accounts.create("journey-dash", Roles.ADMIN, "SFS");
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(admin.username);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu summary")));

        d.get(root + "dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("panel-expiring")));
        d.findElement(By.id("drill-expiring-0")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("drill-detail-0"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qual-number")));
        String number = d.findElement(By.id("qual-number")).getText().trim();
        String state = d.findElement(By.id("qual-state")).getText().trim();
        assertThat(state).isEqualTo("有效");
        String certificate = d.findElement(By.id("qual-certificate")).getAttribute("href");

        // the certificate, fetched with the administrator's own session
        String session = d.manage().getCookieNamed("academy-session").getValue();
        byte[] pdf = given().cookie("academy-session", session).when().get(URI.create(certificate).getPath()).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String qr;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(number);
            List<String> decoded = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        java.awt.image.BufferedImage bi = img.getImage();
                        int[] px = bi.getRGB(0, 0, bi.getWidth(), bi.getHeight(), null, 0, bi.getWidth());
                        decoded.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                                new RGBLuminanceSource(bi.getWidth(), bi.getHeight(), px)))).getText());
                    }
                }
            }
            assertThat(decoded).hasSize(1);
            qr = decoded.get(0);
        }
        assertThat(qr).endsWith("/verify/" + number);

        // the public page, in a browser without the session, at the QR's path
        d.manage().deleteAllCookies();
        d.get(root + URI.create(qr).getPath().substring(1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-state")));
        assertThat(d.findElement(By.id("verify-state")).getAttribute("data-state")).isEqualTo("VALID");
        assertThat(d.findElement(By.id("verify-state")).getText()).isEqualTo(state);
        assertThat(d.getPageSource()).contains(number);
    }
}
