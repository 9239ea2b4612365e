package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Search relevance over the real case-library/ content, with queries typed as an officer would,
 * plus facets, filters and paging. Cases created by other tests use words and citations that
 * none of these queries touch (see {@link CaseFixtures}).
 */
@QuarkusTest
class CaseSearchRelevanceTest {

    @Inject
    TestAccounts accounts;

    @Inject
    CaseSearchService searchService;

    Api officer;

    @BeforeEach
    void setUp() {
        officer = Api.as(accounts.create("officer", Roles.LEARNER, null).username, PASSWORD);
    }

    JsonPath search(Map<String, ?> params) {
        return officer.get().queryParams(params).when().get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
    }

    /** academy.cases.search-scan-limit: beyond the bound in force the total is "N+" and the facets say they are sampled. */
    @org.junit.jupiter.api.Test
    void theBoundIsConfiguration() {
        CaseSearchService service = io.quarkus.arc.ClientProxy.unwrap(searchService);
        CasesConfig configured = service.config;
        long all = search(Map.of("q", "罚款")).getLong("total");
        org.assertj.core.api.Assertions.assertThat(all).as("the repository's cases about 罚款").isGreaterThan(3);
        service.config = TestCasesConfig.withScanLimit(configured, 3);
        try {
            JsonPath capped = search(Map.of("q", "罚款"));
            org.assertj.core.api.Assertions.assertThat(capped.getInt("scanLimit")).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(capped.getLong("total")).isEqualTo(4);
            org.assertj.core.api.Assertions.assertThat(capped.getBoolean("facetsSampled")).isTrue();
            // beyond the bound, a filter takes the second statement over the matches under it
            JsonPath filtered = search(Map.of("q", "罚款", "caseType", "PENALTY"));
            org.assertj.core.api.Assertions.assertThat(filtered.getList("items.caseType", String.class)).isNotEmpty()
                    .allMatch("PENALTY"::equals);
            org.assertj.core.api.Assertions.assertThat(filtered.getLong("total")).isEqualTo(4);
            String page = officer.get().queryParam("q", "罚款").when().get("/cases").then().statusCode(200).extract().asString();
            org.assertj.core.api.Assertions.assertThat(page).contains("找到超过 3 件案例").contains("id=\"facets-sampled\"");
        } finally {
            service.config = configured;
        }
        JsonPath back = search(Map.of("q", "罚款"));
        org.assertj.core.api.Assertions.assertThat(back.getInt("scanLimit")).isEqualTo(2000);
        org.assertj.core.api.Assertions.assertThat(back.getLong("total")).isEqualTo(all);
        org.assertj.core.api.Assertions.assertThat(back.getBoolean("facetsSampled")).isFalse();
    }

    List<String> top(String q, int n) {
        List<String> codes = search(Map.of("q", q)).getList("items.code");
        return codes.subList(0, Math.min(n, codes.size()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            过期食品 首违          | SJ-2025-001
            行政处罚法 第三十三条   | SJ-2025-001
            第33条                | SJ-2025-001
            处罚法33条             | SJ-2025-001
            占道经营               | ZH-2024-001
            查封扣押 期限           | SJ-2025-004
            三书同达               | SJ-2024-003
            渣土车                 | ZH-2025-003
            听证                   | JT-2024-001
            第三方 越权             | YJ-2025-002
            强制拆除 夜间           | ZH-2025-005
            两名执法人员 协管员      | ZH-2025-007
            罚缴分离               | TY-2025-002
            电鱼 移送公安           | NY-2025-002
            复议 六十日             | JT-2025-003
            医疗美容 时效           | WS-2025-002
            培训费用 转嫁企业        | YJ-2025-001
            法制审核 重大执法决定     | ST-2025-003
            强制法第四十四条         | ZH-2025-005
            网吧 未成年人           | WH-2024-001
            加处罚款 百分之三        | ZH-2025-008
            宅基地 一户一宅          | NY-2024-001
            """)
    void theExpectedCaseIsInTheTopThree(String query, String expected) {
        assertThat(top(query.strip(), 3)).as(query).contains(expected.strip());
    }

    @Test
    void theExpiredFoodFirstOffenceCaseComesFirst() {
        JsonPath r = search(Map.of("q", "过期食品 首违"));
        assertThat(r.getString("items[0].code")).isEqualTo("SJ-2025-001");
        assertThat(r.getString("items[0].titleHtml")).contains("<mark>过期食品</mark>", "<mark>首违</mark>");
        assertThat(r.getString("items[0].snippetHtml")).contains("<mark>");
        assertThat(r.getBoolean("partial")).isFalse();
    }

    @Test
    void anArticleFindsExactlyTheCasesCitingIt() {
        // 行政处罚法 Art. 33 is cited by four cases (JT-2025-002 records a formal 不予处罚 decision since the
        // content review of issue 15); every spelling finds the same four
        List<String> expected = List.of("SJ-2025-001", "SJ-2025-002", "ZH-2025-004", "JT-2025-002");
        for (String q : List.of("行政处罚法 第三十三条", "行政处罚法第33条", "处罚法33条", "《中华人民共和国行政处罚法》第三十三条")) {
            assertThat(search(Map.of("q", q)).getList("items.code", String.class)).as(q)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        // "第33条" alone: article 33 of any statute (also 政府信息公开条例 Art. 33)
        assertThat(search(Map.of("q", "第33条")).getList("items.code", String.class)).containsAll(expected)
                .contains("WS-2025-001");
        // 第三方 is not article 3
        assertThat(top("第三方", 3)).contains("YJ-2025-002");
    }

    /** The hits are read as plain columns (issue 16): each field is its published version's, ranks best first. */
    @Test
    void aHitCarriesItsPublishedVersion() {
        JsonPath r = search(Map.of("q", "罚款"));
        List<Map<String, Object>> items = r.getList("items");
        assertThat(items).hasSize(10);
        List<Float> ranks = r.getList("items.rank", Float.class);
        assertThat(ranks).allMatch(x -> x > 0).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (Map<String, Object> hit : items) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                TypicalCase c = TypicalCase.find("code", hit.get("code")).firstResult();
                CaseVersion v = CaseVersion.find("caseId = ?1 AND status = ?2", c.id, CaseStatus.PUBLISHED).firstResult();
                assertThat(hit).as((String) hit.get("code")).containsEntry("versionNo", v.versionNo)
                        .containsEntry("title", v.title).containsEntry("domainId", v.domainId.intValue())
                        .containsEntry("caseType", v.caseType.name()).containsEntry("caseTypeLabel", v.caseType.label)
                        .containsEntry("orgLevel", v.orgLevel.name()).containsEntry("matter", v.matter)
                        .containsEntry("date", v.caseDate.toString()).containsEntry("tags", v.tags);
                assertThat((String) hit.get("snippetHtml")).isNotBlank();
            });
        }
    }

    @Test
    void whenNoCaseHasEveryWordTheSearchSaysItShowsPartialMatches() {
        JsonPath r = search(Map.of("q", "第三方 越权"));
        assertThat(r.getBoolean("partial")).isTrue();
        assertThat(r.getList("items.code", String.class)).contains("YJ-2025-002");
        assertThat(search(Map.of("q", "砗磲玳瑁")).getLong("total")).isZero();
    }

    @Test
    void facetCountsMatchWhatEachFilterReturns() {
        String q = "不予处罚";
        JsonPath all = search(Map.of("q", q));
        long total = all.getLong("total");
        assertThat(total).isGreaterThan(5);
        for (String facet : List.of("domain", "caseType", "orgLevel", "year")) {
            List<Map<String, Object>> values = all.getList("facets.find { it.name == '" + facet + "' }.values");
            assertThat(values).as(facet).isNotEmpty();
            assertThat(values.stream().mapToLong(v -> ((Number) v.get("count")).longValue()).sum()).as(facet + " sums to total")
                    .isEqualTo(total);
            for (Map<String, Object> v : values) {
                JsonPath filtered = search(Map.of("q", q, facet, v.get("value")));
                assertThat(filtered.getLong("total")).as(facet + "=" + v.get("value")).isEqualTo(((Number) v.get("count")).longValue());
                assertThat(filtered.getList("facets.find { it.name == '" + facet + "' }.values.findAll { it.selected }.value"))
                        .containsExactly(v.get("value"));
            }
        }
        List<Map<String, Object>> tags = all.getList("facets.find { it.name == 'tag' }.values");
        for (Map<String, Object> t : tags.subList(0, Math.min(4, tags.size()))) {
            assertThat(search(Map.of("q", q, "tag", t.get("value"))).getLong("total")).as("tag " + t.get("value"))
                    .isEqualTo(((Number) t.get("count")).longValue());
        }
    }

    @Test
    void aFacetCountsUnderTheOtherFiltersButNotItsOwn() {
        JsonPath food = search(Map.of("q", "过期食品 首违"));
        assertThat(food.getList("facets.find { it.name == 'domain' }.values.label")).containsExactly("市场监管");
        assertThat(food.getList("facets.find { it.name == 'tag' }.values.findAll { it.value == '首违不罚' }.count"))
                .containsExactly(2);

        long marketDomain = 2; // 市场监管's id, seeded by Flyway
        JsonPath filtered = search(Map.of("q", "不予处罚", "domain", marketDomain));
        assertThat(filtered.getList("items.domain", String.class)).isNotEmpty().allMatch("市场监管"::equals);
        assertThat(filtered.getList("facets.find { it.name == 'domain' }.values.label", String.class))
                .as("the other domains stay choosable").contains("市场监管", "综合行政执法");
        JsonPath both = search(Map.of("q", "不予处罚", "domain", marketDomain, "orgLevel", "镇街"));
        assertThat(both.getList("items.orgLevel", String.class)).isNotEmpty().allMatch("TOWN"::equals);
        assertThat(both.getList("items.domain", String.class)).allMatch("市场监管"::equals);
    }

    @Test
    void browsingWithoutWordsPagesThroughEveryPublishedCaseNewestFirst() {
        JsonPath first = search(Map.of("size", 5, "domain", 1)); // 综合行政执法: 8 real cases
        assertThat(first.getLong("total")).isGreaterThanOrEqualTo(8);
        List<String> dates = first.getList("items.date");
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonPath second = search(Map.of("size", 5, "domain", 1, "page", 1));
        assertThat(second.getList("items.code", String.class)).doesNotContainAnyElementsOf(first.getList("items.code", String.class));
        assertThat(search(Map.of("caseType", "行政强制")).getList("items.caseType", String.class)).isNotEmpty()
                .allMatch("COERCION"::equals);
        assertThat(search(Map.of("year", 2024, "tag", "镇街高频")).getList("items.date", String.class)).isNotEmpty()
                .allMatch(d -> d.startsWith("2024"));
    }

    @Test
    void aBadFilterIsAProblem() {
        officer.get().queryParam("caseType", "行政处分").when().get("/api/v1/cases").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        officer.get().queryParam("orgLevel", "省").when().get("/api/v1/cases").then().statusCode(400);
    }

    @Test
    void rowsIndexedByAnOlderTokenizerAreIndexedAgain() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> CaseVersion.getEntityManager().createNativeQuery(
                "UPDATE case_search SET tokens_version = 0, document = CAST('' AS tsvector), head = CAST('' AS tsvector) "
                        + "WHERE code = 'ZH-2025-003'").executeUpdate());
        assertThat(top("渣土车", 3)).as("emptied").doesNotContain("ZH-2025-003");
        assertThat(searchService.reindexStale()).isEqualTo(1);
        assertThat(top("渣土车", 3)).containsExactly("ZH-2025-003");
    }

    @Test
    void relatedCasesShareAMatterOrACitation() {
        JsonPath related = officer.get().when().get("/api/v1/cases/SJ-2025-001/related").then().statusCode(200).extract()
                .jsonPath();
        assertThat(related.getList("code", String.class)).isNotEmpty().doesNotContain("SJ-2025-001")
                .contains("ZH-2025-004", "SJ-2025-002");
        // two cases share both articles with SJ-2025-001 (Art. 33 and 57): either may rank first, both above the rest
        assertThat(related.getString("[0].code")).as("sharing two articles ranks first").isIn("ZH-2025-004", "JT-2025-002");
        assertThat(related.getString("[1].code")).as("sharing two articles ranks first").isIn("ZH-2025-004", "JT-2025-002");
        assertThat(related.getList("[0].sharedCitations", String.class)).containsExactly("行政处罚法第三十三条", "行政处罚法第五十七条");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyIndexedCaseCarriesItsFilterValuesAsLexemes() {
        // issue 16: beyond SCAN_LIMIT matches, a search under filters narrows its index scan with these lexemes,
        // so each must be in the document of exactly the cases the column filters keep
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            jakarta.persistence.EntityManager em = CaseVersion.getEntityManager();
            List<Object[]> rows = em.createNativeQuery("SELECT s.case_id, v.id FROM case_search s JOIN case_version v ON v.id = s.version_id")
                    .getResultList();
            assertThat(rows).hasSizeGreaterThan(30);
            for (Object[] r : rows) {
                CaseVersion v = CaseVersion.findById(((Number) r[1]).longValue());
                List<String> lexemes = CaseSearchService.filterLexemes(v);
                assertThat(lexemes).as("domain, type, matter, level, year and each tag").hasSize(5 + v.tags.size());
                String all = String.join(" & ", lexemes.stream().map(TsQuery::quote).toList());
                Object found = em.createNativeQuery("SELECT document @@ CAST(:q AS tsquery) FROM case_search WHERE case_id = :id")
                        .setParameter("q", all).setParameter("id", ((Number) r[0]).longValue()).getSingleResult();
                assertThat(found).as(v.title).isEqualTo(true);
            }
            String otherYear = TsQuery.quote(CaseSearchService.filterLexeme("year", "1999").orElseThrow());
            assertThat(((Number) em.createNativeQuery("SELECT count(*) FROM case_search WHERE document @@ CAST(:q AS tsquery)")
                    .setParameter("q", otherYear).getSingleResult()).longValue()).isZero();
        });
    }

    /** Issue 16: recall when the typed words stand apart in the text (未告知 against 未依法告知). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            未告知 申辩             | WH-2024-001
            网吧 未告知 陈述申辩     | WH-2024-001
            未告知 检验期间          | SJ-2025-004
            """)
    void wordsSplitInTheTextStillFindTheCase(String query, String expected) {
        assertThat(top(query.strip(), 3)).as(query).contains(expected.strip());
        JsonPath r = search(Map.of("q", query.strip()));
        assertThat(r.getBoolean("partial")).as(query + " matches every word").isFalse();
    }

    @Test
    void aSplitPhraseAloneFindsTheCaseAfterTheIntactOnes() {
        // 未告知 intact ranks first; 未依法告知 (words apart) is still found
        List<String> codes = search(Map.of("q", "未告知", "size", 50)).getList("items.code", String.class);
        assertThat(codes).contains("WH-2024-001");
    }

    @Test
    void theWordsApartAreHighlighted() {
        assertThat(search(Map.of("q", "未告知", "size", 50)).getString("items.find { it.code == 'WH-2024-001' }.titleHtml"))
                .contains("<mark>告知</mark>");
    }
}
