package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14 item 2: the scoring standard (评查标准) edited in the browser through a form (items,
 * weights, deductions, knowledge point), not YAML: a bad form comes back with a Chinese message
 * under each field and what was typed; a good one becomes the next version (the old one
 * retired, audited with before and after); only city administrators and system administrators
 * may edit. The test works on a standard of its own, so the shared default stays as it is.
 */
@QuarkusTest
class StandardFormTest {

    @Inject
    TestAccounts accounts;

    @Inject
    StandardService standards;

    /** A copy of the default standard under a new code, version 1. */
    long ownStandard() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewStandard base = ReviewStandard.find("status = ?1 ORDER BY id", ReviewStandard.Status.ACTIVE).firstResult();
            StandardService.Doc d = standards.doc(base);
            String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            return standards.write(new StandardService.Doc(code, "测试评查标准", d.bands(), d.items()), 1, "test", "test").id;
        });
    }

    record Page(Document doc, String csrfCookie) {
    }

    static Page open(String session, long id) {
        return open(session, id + "");
    }

    static Page open(String session, String path) {
        Response r = given().cookie("academy-session", session).when().get("/review/standards/" + path);
        assertThat(r.statusCode()).isEqualTo(200);
        return new Page(Jsoup.parse(r.asString()), r.getCookie("academy-csrf"));
    }

    /** The form's fields as the browser would send them, with some replaced. */
    static List<String[]> fields(Document doc, String... replace) {
        FormElement form = (FormElement) doc.selectFirst("form#standard-form");
        assertThat(form).as("the standard form").isNotNull();
        List<String[]> out = new ArrayList<>();
        form.formData().forEach(kv -> out.add(new String[] { kv.key(), kv.value() }));
        for (int i = 0; i < replace.length; i += 2) {
            String name = replace[i];
            String value = replace[i + 1];
            boolean done = false;
            for (String[] f : out) {
                if (f[0].equals(name) && !done) {
                    f[1] = value;
                    done = true;
                }
            }
            if (!done) {
                out.add(new String[] { name, value });
            }
        }
        return out;
    }

    /** Posts the fields as the session's browser would, with the session's own CSRF token. */
    static Response post(String session, long id, List<String[]> fields) {
        Response csrf = given().cookie("academy-session", session).when().get("/api/v1/csrf-token");
        var req = given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", csrf.getCookie("academy-csrf")).header("X-CSRF-TOKEN", csrf.jsonPath().getString("token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (String[] f : fields) {
            if (!f[0].equals("csrf-token")) {
                req.formParam(f[0], f[1]);
            }
        }
        return req.when().post("/review/standards/" + id);
    }

    /** The value of the n-th field of that name. */
    static String nth(List<String[]> fields, String name, int n) {
        return fields.stream().filter(f -> f[0].equals(name)).skip(n).findFirst().map(f -> f[1]).orElse(null);
    }

    @Test
    void anAdministratorEditsTheStandardInAFormWithMessagesUnderEachField() {
        long id = ownStandard();
        Account city = accounts.create("std", Roles.ADMIN, "SFS");
        String session = TestAccounts.login(city.username, PASSWORD);
        Page page = open(session, id);
        Document doc = page.doc();
        // a form, not a YAML text: one box per item with its weight, dimension and knowledge point
        assertThat(doc.select("textarea[name=yaml]")).isEmpty();
        assertThat(doc.select("select[name=i0_knowledge] option[selected]").attr("value")).isEqualTo("KP-ZHUTI");
        assertThat(doc.select("select[name=i0_category] option[selected]").attr("value")).isEqualTo("SUBJECT");
        assertThat(doc.select("input[name=i0_weight]").val()).isEqualTo("10");
        assertThat(doc.select("#weight-sum").text()).contains("100");
        // on a phone the items are folded to one line each, the blank "new item" box is open
        assertThat(doc.select("#item-0 details.std-item").hasAttr("open")).isFalse();
        assertThat(doc.select("#item-0 details.std-item > summary").text()).contains("分值 10").contains("主体资格");
        assertThat(doc.select("fieldset.std-new details.std-item").hasAttr("open")).isTrue();
        List<String[]> original = fields(doc);
        String firstDeduction = nth(original, "i0_dtext", 0);

        // wrong: the weights no longer add up, a deduction above its item, no knowledge point, no text
        List<String[]> bad = fields(doc, "i0_weight", "5", "i0_dpoints", "8", "i1_knowledge", "", "i2_dtext", "");
        // the deduction's points must stay when its text is cleared, or the row would count as blank
        Response refused = post(session, id, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document r = Jsoup.parse(refused.asString());
        assertThat(r.select("#standard-error").text()).contains("各项分值之和应为 100（现为 95）");
        assertThat(r.select("#items-error").text()).contains("现为 95");
        assertThat(r.select("#item-0 [data-field=dpoints]").first().text()).contains("不超过本项分值 5");
        assertThat(r.select("#item-1 [data-field=knowledge]").text()).contains("请选择知识点");
        // items with an error open by themselves, the others stay folded
        assertThat(r.select("#item-0 details.std-item").hasAttr("open")).isTrue();
        assertThat(r.select("#item-3 details.std-item").hasAttr("open")).isFalse();
        assertThat(r.select("#item-2 [data-field=dtext]").first().text()).contains("请填写扣分情形");
        // what was typed is kept
        assertThat(r.select("input[name=i0_weight]").val()).isEqualTo("5");
        assertThat(r.select("select[name=i1_knowledge] option[selected]").attr("value")).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewStandard.<ReviewStandard> findById(id).status))
                .isEqualTo(ReviewStandard.Status.ACTIVE);

        // right: weights moved between two items, a deduction added, the first one deleted (cleared), the name changed
        int newRow = (int) original.stream().filter(f -> f[0].equals("i0_dtext")).count() - 1; // the blank row
        List<String[]> good = fields(doc, "name", "测试评查标准（修订）", "i0_weight", "8", "i1_weight", "12");
        int seen = 0;
        for (String[] f : good) {
            if (f[0].equals("i0_dtext") || f[0].equals("i0_dpoints")) {
                int idx = f[0].equals("i0_dtext") ? seen : seen - 1;
                if (f[0].equals("i0_dtext")) {
                    seen++;
                }
                if (idx == 0) {
                    f[1] = ""; // clear the first deduction
                } else if (idx == newRow) {
                    f[1] = f[0].equals("i0_dtext") ? "未出示执法证件" : "2";
                }
            }
        }
        Response saved = post(session, id, good);
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.getHeader("Location");
        assertThat(location).contains("saved=1");
        long next = Long.parseLong(location.replaceAll(".*/standards/(\\d+).*", "$1"));
        assertThat(next).isNotEqualTo(id);
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewStandard old = ReviewStandard.findById(id);
            ReviewStandard s = ReviewStandard.findById(next);
            assertThat(old.status).isEqualTo(ReviewStandard.Status.RETIRED);
            assertThat(s.status).isEqualTo(ReviewStandard.Status.ACTIVE);
            assertThat(s.code).isEqualTo(old.code);
            assertThat(s.versionNo).isEqualTo(2);
            assertThat(s.name).isEqualTo("测试评查标准（修订）");
            List<StandardItem> items = s.items();
            assertThat(items.get(0).weight).isEqualByComparingTo("8");
            assertThat(items.get(1).weight).isEqualByComparingTo("12");
            assertThat(items.get(0).knowledgePoint).isEqualTo("KP-ZHUTI");
            List<String> texts = items.get(0).deductions().stream().map(d -> d.text).toList();
            assertThat(texts).doesNotContain(firstDeduction).contains("未出示执法证件");
            assertThat(items.get(0).deductions().stream().map(d -> d.code).distinct().count()).isEqualTo(texts.size());
            // the old version is untouched
            assertThat(old.items().get(0).weight).isEqualByComparingTo("10");
            assertThat(old.items().get(0).deductions().stream().map(d -> d.text).toList()).contains(firstDeduction);
            AuditEvent e = AuditEvent.find("action = ?1 AND entityId = ?2", "review.standard_versioned", String.valueOf(next))
                    .firstResult();
            assertThat(e).isNotNull();
            assertThat(e.actor).contains(city.username);
            assertThat(e.detail).contains("before").contains("after").contains("未出示执法证件");
        });
        Document after = open(session, next + "?saved=1").doc();
        assertThat(after.select("#standard-saved").text()).contains("第 2 版");
        // the retired version is read only
        assertThat(open(session, id).doc().select("form#standard-form")).isEmpty();
    }

    @Test
    void aDistrictAdministratorReadsTheStandardButCannotChangeIt() {
        long id = ownStandard();
        Account district = accounts.create("std-d", Roles.ADMIN, "SFS-LJ");
        String session = TestAccounts.login(district.username, PASSWORD);
        Page page = open(session, id);
        assertThat(page.doc().select("form#standard-form")).isEmpty();
        assertThat(page.doc().select("#standard-readonly").text()).contains("市级管理员");
        // posting anyway is refused and nothing is written
        Account city = accounts.create("std-c", Roles.ADMIN, "SFS");
        String citySession = TestAccounts.login(city.username, PASSWORD);
        Page cityPage = open(citySession, id);
        List<String[]> f = fields(cityPage.doc(), "name", "区县改的名称");
        Response refused = post(session, id, f);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewStandard.count("code = ?1",
                ReviewStandard.<ReviewStandard> findById(id).code))).isOne();
    }
}
