package cn.zhifa.academy.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.qualification.QualFixtures;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Issue 17 item 2: the 对接管理 page lists subscriptions and deliveries, and 重新投递 sends one again. */
@QuarkusTest
class IntegrationPageTest {

    @Inject
    TestAccounts accounts;

    @Inject
    QualFixtures fx;

    @Inject
    Webhooks webhooks;

    @Inject
    EntityManager em;

    @Test
    void theReplayButtonQueuesADeliveryAgainAndItIsSentAgain() throws Exception {
        long person = fx.person("回放甲", PersonCategory.OFFICER, "SFS-LJ-JB");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/replay-hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            Account sys = accounts.create("intg-page", Roles.SYSADMIN, null);
            Api admin = Api.as(sys.username, TestAccounts.PASSWORD);
            JsonPath client = MachineApiTest.register(admin, "SFS-LJ", "READ", 600);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/replay-hook";
            long sub = admin.post().contentType("application/json").body(Map.of("clientId", client.getString("clientId"),
                    "url", url, "events", List.of("exam.result_recorded"))).when()
                    .post("/api/v1/admin/integrations/webhooks").then().statusCode(200).extract().jsonPath().getLong("id");
            String key = "replay-page:" + person;
            QuarkusTransaction.requiringNew().run(() -> webhooks.enqueue("exam.result_recorded", key, person,
                    Map.of("personId", person, "score", 91)));
            long id = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "SELECT d.id FROM WebhookDelivery d WHERE d.subscriptionId = ?1 AND d.eventKey = ?2", Long.class)
                    .setParameter(1, sub).setParameter(2, key).getSingleResult());
            webhooks.deliverDue();
            assertThat(received).hasSize(1);

            // the page: the subscription, the delivery with its status and attempts, a 重新投递 form with a CSRF token
            Response page = admin.get().when().get("/admin/integrations");
            page.then().statusCode(200).body(containsString("对接管理"), containsString(url),
                    containsString("id=\"delivery-" + id + "\" data-status=\"DELIVERED\""), containsString("已投递"),
                    containsString("action=\"/admin/integrations/deliveries/" + id + "/replay\""), containsString("重新投递"),
                    containsString("name=\"csrf-token\""));
            admin.get().when().get("/admin/integrations?status=FAILED").then().statusCode(200)
                    .body(org.hamcrest.Matchers.not(containsString("id=\"delivery-" + id + "\"")));

            // without the CSRF token the form is refused and nothing is queued
            given().cookie("academy-session", admin.session()).redirects().follow(false).formParam("status", "")
                    .when().post("/admin/integrations/deliveries/" + id + "/replay").then().statusCode(400);
            assertThat(status(id)).isEqualTo(WebhookDelivery.Status.DELIVERED);

            // with it: queued again (audited), back to the page with a notice, and the next run sends it again
            TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
            Response posted = given().cookie("academy-session", admin.session()).cookie("academy-csrf", csrf.cookie())
                    .redirects().follow(false).formParam("csrf-token", csrf.field()).formParam("status", "")
                    .when().post("/admin/integrations/deliveries/" + id + "/replay");
            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(posted.getHeader("Location")).contains("/admin/integrations?replayed=" + id);
            assertThat(status(id)).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'webhook.replayed' AND entity_id = ?1",
                    String.valueOf(id))).isEqualTo(1);
            admin.get().when().get("/admin/integrations?replayed=" + id).then().statusCode(200)
                    .body(containsString("id=\"replayed\""), containsString("#" + id + " 已重新排队"),
                            containsString("id=\"delivery-" + id + "\" data-status=\"PENDING\""));
            webhooks.deliverDue();
            assertThat(received).hasSize(2);
            assertThat(received.get(1)).isEqualTo(received.get(0));
            WebhookDelivery after = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(id));
            assertThat(after.status).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(after.attempts).isEqualTo(2);

            // only system administrators see it
            Account unitAdmin = accounts.create("intg-admin", Roles.ADMIN, "SFS");
            Api.as(unitAdmin.username, TestAccounts.PASSWORD).get().when().get("/admin/integrations").then().statusCode(403);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withSingleSignOnOffTheLoginPageOffersOnlyTheFormAndSsoLoginLeadsThere() {
        given().when().get("/login").then().statusCode(200).body(containsString("id=\"login-form\""),
                org.hamcrest.Matchers.not(containsString("sso-login")));
        Response r = given().redirects().follow(false).when().get("/sso/login");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith("/login");
    }

    static WebhookDelivery.Status status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery> findById(id).status);
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param)
                .getSingleResult()).longValue());
    }
}
