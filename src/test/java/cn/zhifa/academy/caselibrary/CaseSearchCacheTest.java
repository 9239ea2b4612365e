package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.StatementProbe;
import cn.zhifa.academy.support.TestAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 16: a repeated search takes its facets, total and ranking from memory until the library
 * changes; any write to the index, by this node or another (here: plain SQL on another connection),
 * is seen by the next search, and a transaction's own uncommitted writes never enter the cache.
 */
@QuarkusTest
class CaseSearchCacheTest {

    /** The statement that counts the facets and picks the candidates (and nothing else sends it). */
    static final String FACETS = "GROUPING SETS";

    @Inject
    TestAccounts accounts;

    @Inject
    CaseSearchService searchService;

    @Inject
    CaseSearchCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    Api officer;

    @BeforeEach
    void setUp() throws SQLException {
        officer = Api.as(accounts.create("officer", Roles.LEARNER, null).username, PASSWORD);
        sql("UPDATE case_search SET code = code WHERE false"); // a write of no row still says "changed"
    }

    void sql(String statement, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    record Probed(JsonPath json, List<String> statements) {
        boolean askedForFacets() {
            return statements.stream().anyMatch(s -> s.contains(FACETS));
        }

        List<String> years() {
            return json.getList("facets.find { it.name == 'year' }.values.value", String.class);
        }
    }

    Probed search(Map<String, ?> params) {
        String probe = StatementProbe.start();
        JsonPath json = StatementProbe.on(officer.get(), probe).queryParams(params).when().get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath();
        return new Probed(json, StatementProbe.statements(probe));
    }

    @Test
    void aRepeatedSearchAsksOnlyForThePageShown() {
        Probed first = search(Map.of("q", "罚款"));
        assertThat(first.askedForFacets()).as("the first search since the library changed").isTrue();
        Probed again = search(Map.of("q", "罚款"));
        assertThat(again.askedForFacets()).as("the same words again").isFalse();
        assertThat(again.statements()).as("the settings with the generation, the page's hits, the commit")
                .hasSizeLessThanOrEqualTo(first.statements().size() - 2);
        assertThat(again.json().getList("items.code", String.class)).isNotEmpty()
                .isEqualTo(first.json().getList("items.code", String.class));
        assertThat(again.json().getList("items.snippetHtml", String.class))
                .isEqualTo(first.json().getList("items.snippetHtml", String.class));
        assertThat(again.json().getLong("total")).isEqualTo(first.json().getLong("total"));
        assertThat(again.json().getList("facets.values.count")).isEqualTo(first.json().getList("facets.values.count"));

        // other filters, another page size, no words: each its own entry
        Probed filtered = search(Map.of("q", "罚款", "caseType", "PENALTY"));
        assertThat(filtered.askedForFacets()).isTrue();
        assertThat(search(Map.of("q", "罚款", "caseType", "PENALTY")).askedForFacets()).isFalse();
        assertThat(search(Map.of("q", "罚款", "page", 25, "size", 10)).askedForFacets()).as("more candidates than 200").isTrue();
        assertThat(search(Map.of()).askedForFacets()).isTrue();
        assertThat(search(Map.of()).askedForFacets()).isFalse();
        // a second page reads its hits from the kept ranking
        Probed second = search(Map.of("q", "罚款", "page", 1, "size", 2));
        assertThat(second.json().getList("items.code", String.class))
                .isEqualTo(first.json().getList("items.code", String.class).subList(2, 4));
    }

    @Test
    void aWriteByAnotherNodeIsSeenAtTheNextSearch() throws SQLException {
        Probed before = search(Map.of("q", "罚款"));
        String code = before.json().getString("items[0].code");
        int year = Integer.parseInt(before.json().getString("items[0].date").substring(0, 4));
        assertThat(before.years()).doesNotContain("1999");
        search(Map.of("q", "罚款")); // now kept
        try {
            sql("UPDATE case_search SET case_year = 1999 WHERE code = ?", code);
            Probed after = search(Map.of("q", "罚款"));
            assertThat(after.askedForFacets()).isTrue();
            assertThat(after.years()).contains("1999");
        } finally {
            sql("UPDATE case_search SET case_year = ? WHERE code = ?", year, code);
        }
        assertThat(search(Map.of("q", "罚款")).years()).doesNotContain("1999");
    }

    @Test
    void aTransactionsOwnWritesNeverEnterTheCache() throws SQLException {
        CaseQuery q = new CaseQuery();
        q.q = "罚款";
        String code = searchService.search(q).items().get(0).code();
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("UPDATE case_search SET case_year = 1999 WHERE code = :code").setParameter("code", code)
                    .executeUpdate();
            CaseSearchService.Result inside = searchService.search(q);
            assertThat(inside.facet("year").values()).extracting(CaseSearchService.FacetValue::value).contains("1999");
        } finally {
            QuarkusTransaction.rollback();
        }
        // the rolled-back write raised the generation only inside its transaction; the next real change raises it
        // again, to the same number: what that transaction saw must not be served for it
        sql("UPDATE case_search SET code = code WHERE false");
        assertThat(search(Map.of("q", "罚款")).years()).doesNotContain("1999");
    }

    @Test
    void theCacheCanBeTurnedOff() {
        CaseSearchCache service = io.quarkus.arc.ClientProxy.unwrap(cache);
        CasesConfig configured = service.config;
        service.config = TestCasesConfig.withCacheSize(configured, 0);
        try {
            search(Map.of("q", "听证"));
            assertThat(search(Map.of("q", "听证")).askedForFacets()).isTrue();
        } finally {
            service.config = configured;
        }
        search(Map.of("q", "听证"));
        assertThat(search(Map.of("q", "听证")).askedForFacets()).isFalse();
    }
}
