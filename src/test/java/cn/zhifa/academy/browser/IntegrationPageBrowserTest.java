package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.sun.net.httpserver.HttpServer;

import cn.zhifa.academy.integration.WebhookDelivery;
import cn.zhifa.academy.integration.WebhookSubscription;
import cn.zhifa.academy.integration.Webhooks;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17 item 2: a system administrator finds a delivery on the 对接管理 page on a phone and presses 重新投递. */
@QuarkusTest
class IntegrationPageBrowserTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Inject
    Webhooks webhooks;

    @Inject
    EntityManager em;

    @Test
    void theReplayButtonWorksInTheBrowserAtPhoneWidth() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/browser-hook", ex -> {
            ex.getRequestBody().readAllBytes();
            received.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        try {
            // a subscription whose receiver answers 500: the delivery waits for its retry
            long delivery = QuarkusTransaction.requiringNew().call(() -> {
                long client = ((Number) em.createNativeQuery("INSERT INTO machine_client (client_id, name, secret_hash, "
                        + "org_unit_id, access, per_minute, enabled, created_by, created_at) SELECT 'mc-browser-page', '省平台（页面测试）', "
                        + "'x', id, 'READ', 60, true, 'test', now() FROM org_unit WHERE code = 'SFS' RETURNING id").getSingleResult())
                        .longValue();
                WebhookSubscription s = new WebhookSubscription();
                s.clientId = client;
                s.url = "http://127.0.0.1:" + server.getAddress().getPort() + "/browser-hook";
                s.secret = "page-test-secret";
                s.events = "exam.result_recorded";
                s.persist();
                WebhookDelivery d = new WebhookDelivery();
                d.subscriptionId = s.id;
                d.event = "exam.result_recorded";
                d.eventKey = "browser-page-1";
                d.payload = "{\"id\":\"browser-page-1\",\"event\":\"exam.result_recorded\",\"data\":{}}";
                d.persist();
                return d.id;
            });
            webhooks.attempt(delivery);
            assertThat(received.get()).isEqualTo(1);

            Account sys = accounts.create("intg-browser", Roles.SYSADMIN, null);
            WebDriver d = browser.open();
            browser.login(root.toString(), sys.username, TestAccounts.PASSWORD);
            d.findElement(By.id("nav-bell"));
            d.get(root + "admin/integrations");
            assertThat(d.findElement(By.cssSelector("h1")).getText()).contains("对接管理");
            assertThat(d.findElement(By.id("delivery-" + delivery)).getText()).contains("HTTP 500", "待投递");
            browser.shot("integration-page-360");
            d.findElement(By.id("replay-" + delivery)).click();
            assertThat(d.findElement(By.id("replayed")).getText()).contains("#" + delivery);
            assertThat(d.findElement(By.id("delivery-" + delivery)).getAttribute("data-status")).isEqualTo("PENDING");
            assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM audit_event WHERE action = 'webhook.replayed' AND entity_id = ?1")
                    .setParameter(1, String.valueOf(delivery)).getSingleResult()).longValue())).isEqualTo(1);
            webhooks.deliverDue();
            assertThat(received.get()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }
}
