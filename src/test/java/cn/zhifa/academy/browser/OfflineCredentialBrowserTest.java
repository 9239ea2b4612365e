package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.qualification.Credentials;
import cn.zhifa.academy.qualification.QualFixtures;
import cn.zhifa.academy.qualification.Qualification;
import cn.zhifa.academy.qualification.QualificationJobs;
import cn.zhifa.academy.qualification.QualificationQueries;
import cn.zhifa.academy.qualification.QualificationService;
import cn.zhifa.academy.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17 item 4: the offline page checks a credential's signature in the browser with the
 * network cut (Chrome DevTools offline emulation): valid, tampered and expired; back online,
 * a suspension overrides the signed validity.
 */
@QuarkusTest
class OfflineCredentialBrowserTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    QualFixtures fx;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationService service;

    @Inject
    Credentials credentials;

    @Test
    void validTamperedAndExpiredCredentialsAreJudgedByThePageItselfOffline() {
        long personId = fx.person("司马长风", PersonCategory.OFFICER, "SFS-LJ-WJ");
        fx.hours(personId, jobs.today().getYear(), 60);
        fx.passEnforcementExams(personId, "WHSC", Instant.now());
        Qualification q = fx.of(personId).get(0);
        QualificationQueries.View v = QuarkusTransaction.requiringNew()
                .call(() -> queries.view(q.id, jobs.today()).orElseThrow());
        String valid = credentials.issue(v);
        String expired = credentials.issue(v, jobs.today().minusYears(5), jobs.today().minusDays(1));
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("司*");
        String forged = payload.replace(v.expiresOn().getYear() + "-", (v.expiresOn().getYear() + 10) + "-");
        assertThat(forged).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        WebDriver d = browser.open();
        // online, from the QR code's URL (the credential is in the fragment, never sent to the server)
        d.get(credentials.offlineUrl(valid).replace("https://verify.example.test/", root.toString()));
        waitDone(d, null);
        assertThat(result(d)).isEqualTo("valid");
        assertThat(d.findElement(By.id("offline-number")).getText()).isEqualTo(q.number);
        assertThat(d.findElement(By.id("offline-holder")).getText()).startsWith("司").contains("*");
        assertThat(d.findElement(By.id("live-state")).getAttribute("data-state")).isEqualTo("VALID");

        // the network is cut: every check below is the page's own
        ChromeDriver chrome = (ChromeDriver) d;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        assertThat(check(d, valid)).isEqualTo("valid");
        assertThat(d.findElement(By.id("live-state")).getAttribute("data-state")).isEqualTo("offline");
        assertThat(d.findElement(By.id("offline-holder")).getText()).contains("*");
        assertThat(check(d, tampered)).isEqualTo("tampered");
        assertThat(d.findElement(By.id("offline-number")).getText()).isEmpty();
        assertThat(check(d, expired)).isEqualTo("expired");
        assertThat(check(d, "not-a-credential")).isEqualTo("malformed");

        // back online: a suspension overrides the signature's validity
        chrome.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        QuarkusTransaction.requiringNew().run(() -> service.suspend(q.id, "调查中", jobs.today(), "test"));
        assertThat(check(d, valid)).isEqualTo("valid");
        assertThat(d.findElement(By.id("live-state")).getAttribute("data-state")).isEqualTo("SUSPENDED");
        assertThat(d.findElement(By.id("offline-result")).getAttribute("data-final")).isEqualTo("SUSPENDED");
    }

    private static String check(WebDriver d, String jwt) {
        String before = d.findElement(By.id("offline-verify")).getAttribute("data-done");
        ((JavascriptExecutor) d).executeScript("document.getElementById('offline-input').value = arguments[0];", jwt);
        d.findElement(By.id("offline-check")).click();
        waitDone(d, before);
        return result(d);
    }

    private static void waitDone(WebDriver d, String before) {
        Browser.waitFor(d, Duration.ofSeconds(15)).until(x -> {
            String done = x.findElement(By.id("offline-verify")).getAttribute("data-done");
            return done != null && !done.equals(before);
        });
    }

    private static String result(WebDriver d) {
        return d.findElement(By.id("offline-result")).getAttribute("data-result");
    }
}
