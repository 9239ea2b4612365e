package cn.zhifa.academy.platform;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13 item 5, found on the walk at 360 px: the home page's cards lead to each role's own
 * work — a trainer to course authoring and exam management, an administrator to exams, the
 * dashboard and the case-file review — and a learner sees none of those.
 */
@QuarkusTest
class HomeCardsTest {

    @Inject
    TestAccounts accounts;

    List<String> cards(String roles, String unit) {
        Account a = accounts.create("home", roles, unit);
        return Jsoup.parse(Api.as(a.username, PASSWORD).get().when().get("/").then().statusCode(200).extract().asString())
                .select("a.link-card[id]").eachAttr("id");
    }

    @Test
    void eachRolesHomeLeadsToItsWork() {
        assertThat(cards(Roles.TRAINER, "SFS")).contains("card-authoring", "card-exam-admin")
                .doesNotContain("card-dashboard", "card-review");
        assertThat(cards(Roles.ADMIN, "SFS-LJ")).contains("card-exam-admin", "card-dashboard", "card-review")
                .doesNotContain("card-authoring");
        assertThat(cards(Roles.LEARNER, "SFS-LJ-JB")).doesNotContain("card-authoring", "card-exam-admin", "card-dashboard",
                "card-review");
    }
}
