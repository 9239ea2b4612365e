package cn.zhifa.academy.caselibrary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.platform.error.InvalidException;

/**
 * Chinese full-text search over the published cases (案例检索). The {@code case_search} table
 * holds exactly one row per published case with the tokens {@link CaseTokenizer} produced; a
 * GIN index finds the matches, {@code ts_rank} orders them (title and keywords weigh most),
 * facet counts come from the same match set, and matches are highlighted here in Java on text
 * we escape ourselves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseSearchService {

    /** ts_rank weights for D, C, B, A: body (C) counts a fifth of title and keywords (A). */
    static final String WEIGHTS = "{0.05, 0.2, 0.5, 1.0}";
    /** ts_rank normalisation 1: divide by 1 + log(length), so long cases do not win by length alone. */
    static final int RANK_NORMALISATION = 1;
    /**
     * How many candidates are ranked on their whole text. Candidates are the matches best ranked on their
     * head (title, keywords, matter, tags, citations; a head without a query word ranks 0), newest first among
     * equals; so the order is exact whenever the matches with a head hit, or all matches, fit.
     */
    static final int CANDIDATES = 200;
    static final String WORK_MEM = "32MB";
    /**
     * Issue 16: the bound on the work of one search, whatever the size of the library. A search reads at
     * most this many matches + 1, in the order the index returns them: the facets are counted over them
     * (exact below the bound; beyond it the page says they were sampled), the total is counted up to it
     * (shown as "2000+" beyond), and the ranking candidates are chosen among them.
     */
    static final int SCAN_LIMIT = 2000;

    /** {@code academy.cases.search-scan-limit}, {@link #SCAN_LIMIT} unless configured. */
    int scanLimit() {
        return config.searchScanLimit();
    }
    static final int SNIPPET_WIDTH = 90;
    static final int MATTER_FACET_SIZE = 12;
    static final int TAG_FACET_SIZE = 20;

    @Inject
    EntityManager em;

    @Inject
    CasesConfig config;

    @Inject
    CaseSearchCache cache;

    /** One search hit; {@code titleHtml} and {@code snippetHtml} are escaped text with {@code <mark>}s. */
    public record Hit(String code, int versionNo, String title, String titleHtml, String snippetHtml, long domainId,
            String domain, CaseType caseType, String caseTypeLabel, OrgLevel orgLevel, String orgLevelLabel,
            String matter, LocalDate date, List<String> tags, double rank) {
    }

    /** A facet value with its count; {@code value} is what the filter parameter takes. */
    public record FacetValue(String value, String label, long count, boolean selected) {
    }

    /** One facet (domain, caseType, matter, orgLevel, year, tag) and its values. */
    public record Facet(String name, List<FacetValue> values) {
    }

    /**
     * A page of hits with facets.
     *
     * @param partial no case matched every word, so these match some of them
     */
    public record Result(String q, int page, int size, long total, boolean partial, List<Hit> items,
            List<Facet> facets, boolean facetsSampled, int scanLimit) implements cn.zhifa.academy.platform.web.Paging {

        /** More matches than the bound ({@code scanLimit}): {@code total} is a lower bound. */
        public boolean totalCapped() {
            return total > scanLimit;
        }

        /** The total as shown: "2000+" beyond the bound. */
        public String totalLabel() {
            return totalCapped() ? scanLimit + "+" : String.valueOf(total);
        }

        /** Rank of the first hit on this page (for the list numbering). */
        public int start() {
            return page * size + 1;
        }

        // declared here (not only inherited) so that Qute can type them as method arguments
        @Override
        public int previous() {
            return page - 1;
        }

        @Override
        public int next() {
            return page + 1;
        }

        public Facet facet(String name) {
            return facets.stream().filter(f -> f.name().equals(name)).findFirst().orElse(new Facet(name, List.of()));
        }
    }

    /**
     * The filters of a query as SQL conditions over case_search, each facet's separately, and as the lexemes
     * every indexed document carries for its filter values ({@link #filterLexeme}).
     */
    private record Filters(Map<String, String> conditions, Map<String, Object> params, List<String> lexemes) {
        /** The match narrowed by the filters' lexemes: one condition the GIN index answers alone. */
        String narrow(String match) {
            return lexemes.isEmpty() ? match
                    : "(" + match + ")" + lexemes.stream().map(l -> " & " + TsQuery.quote(l)).collect(Collectors.joining());
        }

        String all() {
            return except(null);
        }

        String except(String facet) {
            List<String> c = conditions.entrySet().stream().filter(e -> !e.getKey().equals(facet))
                    .map(Map.Entry::getValue).toList();
            return c.isEmpty() ? "TRUE" : String.join(" AND ", c);
        }
    }

    @Transactional
    public Result search(CaseQuery query) {
        // the match set of a broad search is materialised once; give it room so it stays in memory. No JIT:
        // compiling the plan took longer than running it (issue 16). The same statement reads the library's
        // generation, and whether this transaction has written anything (then its rows are its own, not the
        // library's: no cache)
        Object[] settings = (Object[]) em.createNativeQuery("SELECT set_config('work_mem', '" + WORK_MEM + "', true), "
                + "set_config('jit', 'off', true), g.generation, pg_current_xact_id_if_assigned() IS NULL "
                + "FROM case_search_generation g").getSingleResult();
        long generation = Boolean.TRUE.equals(settings[3]) ? ((Number) settings[2]).longValue() : Long.MIN_VALUE;
        int size = query.safeSize(config.pageSize());
        int page = query.safePage();
        Filters filters = filters(query);
        Optional<CaseTokenizer.Parsed> parsed = CaseTokenizer.query(query.q);
        if (parsed.isEmpty()) {
            Ranking r = cached(generation, new Key(null, null, null, filters, 0, scanLimit()),
                    () -> new Ranking(facets(null, filters), total(null, filters), false, List.of()));
            return new Result(query.q, page, size, r.total(), false,
                    hitViews(browse(filters, size, page * size), List.of()), facetViews(r.facets().rows(), query),
                    r.facets().sampled(), scanLimit());
        }
        CaseTokenizer.Parsed p = parsed.get();
        int needed = (page + 1) * size;
        int limit = Math.max(CANDIDATES, needed);
        Ranking r = cached(generation, new Key(p.allText(), p.anyText(), p.rankText(), filters, limit, scanLimit()),
                () -> rank(p, filters, limit));
        List<Object[]> ranked = r.ranked();
        List<Object[]> pageRows = ranked.subList(Math.min(ranked.size(), page * size), Math.min(ranked.size(), needed));
        return new Result(query.q, page, size, r.total(), r.partial(), hitViews(pageRows, p.highlights()),
                facetViews(r.facets().rows(), query), r.facets().sampled(), scanLimit());
    }

    /** What a search asks PostgreSQL, by which it is kept ({@link CaseSearchCache}). */
    private record Key(String match, String any, String rank, Filters filters, int limit, int scanLimit) {
    }

    /**
     * What PostgreSQL answered: the facets, the total, whether only some words matched, and the candidates
     * ranked on their whole text (version id, rank), best first.
     */
    private record Ranking(Facets facets, long total, boolean partial, List<Object[]> ranked) {
    }

    /** From the cache at this generation of the library; {@link Long#MIN_VALUE} (a writing transaction) never is. */
    private Ranking cached(long generation, Key key, java.util.function.Supplier<Ranking> compute) {
        return generation == Long.MIN_VALUE ? compute.get() : cache.get(generation, key, compute);
    }

    /** The facets, the total and the ranking of a search with words. */
    private Ranking rank(CaseTokenizer.Parsed p, Filters filters, int limit) {
        // issue 16: every statement below finds its matches through the GIN index (a bitmap: the index alone
        // decides, no document is read to check a match) and stops after SCAN_LIMIT + 1 of them. Without this
        // the planner, taking a common word (罚款) or an article (#57) for cheap, scanned the table by date and
        // unpacked every case's document from TOAST to test it: 200–1,300 ms at 100,000 cases
        em.createNativeQuery("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
                .getSingleResult();
        String match = p.allText();
        boolean partial = false;
        Matches m = matches(match, p.rankText(), filters, limit);
        if (m.total() == 0 && !p.anyText().equals(match)) {
            match = p.anyText();
            partial = true;
            m = matches(match, p.rankText(), filters, limit);
        }
        return new Ranking(m.facets(), m.total(), partial, List.copyOf(rerank(m.candidates(), p.rankText())));
    }

    /**
     * The facets, the total and the ranking candidates of a search.
     *
     * @param candidates up to {@code limit} matches under every filter, best head rank first (title and keyword
     *        hits before body-only hits), then newest
     */
    private record Matches(Facets facets, long total, List<Long> candidates) {
    }

    /**
     * One statement for a search without filters, or whose matches fit the bound (the real library): the first
     * {@link #SCAN_LIMIT} + 1 matches give the facets, the total and the candidates (ranked on their head, which
     * is stored in the row). Only a search with filters and more matches than the bound needs a second statement
     * over the matches under its filters.
     */
    private Matches matches(String match, String rank, Filters f, int limit) {
        Facets facets = facets(match, f, rank, limit);
        List<Object[]> cands = facets.rows().getOrDefault("cand", List.of());
        long underFilters = facets.rows().getOrDefault("total", List.<Object[]>of()).stream()
                .mapToLong(r -> ((Number) r[2]).longValue()).sum();
        if (!facets.sampled()) {
            return new Matches(facets, underFilters, candidateIds(cands));
        }
        if (f.conditions().isEmpty()) {
            return new Matches(facets, facets.sample(), candidateIds(cands));
        }
        Map<String, List<Object[]>> filtered = filtered(match, f, rank, limit);
        long total = filtered.getOrDefault("total", List.<Object[]>of()).stream().mapToLong(r -> ((Number) r[2]).longValue()).sum();
        return new Matches(facets, total, candidateIds(filtered.getOrDefault("cand", List.of())));
    }

    /** The candidate rows ('cand', version id, place) in their place order. */
    private static List<Long> candidateIds(List<Object[]> rows) {
        return rows.stream().sorted((a, b) -> Double.compare(((Number) a[2]).doubleValue(), ((Number) b[2]).doubleValue()))
                .map(r -> Long.valueOf((String) r[1])).toList();
    }

    /**
     * The columns of a match set m that rank it: id, date, code and the head's rank ({@code hr}), computed while the
     * matches are read, so that m holds a number instead of each head (issue 16: copying 2,001 heads of about a
     * kilobyte into m took half of a broad search's statement).
     */
    private static final String RANKED_COLUMNS = "version_id, case_date, code, ts_rank(CAST('" + WEIGHTS
            + "' AS real[]), head, CAST(:rank AS tsquery), " + RANK_NORMALISATION + ") AS hr";

    /** Ranks the matches of a candidate set m by their head: best head rank first, then newest. */
    private static String candidates(String where, int limit) {
        return "(SELECT 'cand', CAST(version_id AS text), CAST(row_number() OVER (ORDER BY hr DESC, case_date DESC, code) "
                + "AS float8) FROM m WHERE " + where + " ORDER BY 3 LIMIT " + limit + ")";
    }

    /** The total (up to the bound) and the candidates over the first matches under every filter. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Object[]>> filtered(String match, Filters f, String rank, int limit) {
        Query q = em.createNativeQuery("WITH m AS MATERIALIZED (SELECT " + RANKED_COLUMNS + " FROM case_search "
                + "WHERE document @@ CAST(:match AS tsquery) AND " + f.all() + " LIMIT " + (scanLimit() + 1) + ") "
                + "SELECT 'total', '', CAST(count(*) AS float8) FROM m UNION ALL " + candidates("TRUE", limit));
        // the filters' lexemes narrow the index scan itself: a common word under a rare filter reads only the rows
        // that pass (the conditions on the columns stay, and cost nothing more)
        q.setParameter("match", f.narrow(match)).setParameter("rank", rank);
        f.params().forEach(q::setParameter);
        return ((List<Object[]>) q.getResultList()).stream()
                .collect(Collectors.groupingBy(r -> (String) r[0], LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The number of matches under every filter, counted up to {@link #SCAN_LIMIT} + 1 (so that
     * "more than the bound" is known without counting them all).
     */
    private long total(String match, Filters f) {
        Query q = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM case_search WHERE "
                + (match == null ? "" : "document @@ CAST(:match AS tsquery) AND ") + f.all() + " LIMIT "
                + (scanLimit() + 1) + ") x");
        if (match != null) {
            q.setParameter("match", match);
        }
        f.params().forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    private Filters filters(CaseQuery q) {
        Map<String, String> c = new LinkedHashMap<>();
        Map<String, Object> p = new HashMap<>();
        List<String> lexemes = new ArrayList<>();
        if (q.domain != null) {
            c.put("domain", "domain_id = :f_domain");
            p.put("f_domain", q.domain);
            filterLexeme("domain", String.valueOf(q.domain)).ifPresent(lexemes::add);
        }
        String type = CaseQuery.blankToNull(q.caseType);
        if (type != null) {
            CaseType t = CaseType.parse(type).orElseThrow(() -> badFilter("caseType", "case.filter.type_unknown", type));
            c.put("caseType", "case_type = :f_type");
            p.put("f_type", t.name());
            filterLexeme("type", t.name()).ifPresent(lexemes::add);
        }
        String matter = CaseQuery.blankToNull(q.matter);
        if (matter != null) {
            c.put("matter", "matter = :f_matter");
            p.put("f_matter", matter);
            filterLexeme("matter", matter).ifPresent(lexemes::add);
        }
        String level = CaseQuery.blankToNull(q.orgLevel);
        if (level != null) {
            OrgLevel l = OrgLevels.parse(level).orElseThrow(() -> badFilter("orgLevel", "case.filter.level_unknown", level));
            c.put("orgLevel", "org_level = :f_level");
            p.put("f_level", l.name());
            filterLexeme("level", l.name()).ifPresent(lexemes::add);
        }
        if (q.year != null) {
            c.put("year", "case_year = :f_year");
            p.put("f_year", q.year);
            filterLexeme("year", String.valueOf(q.year)).ifPresent(lexemes::add);
        }
        String tag = CaseQuery.blankToNull(q.tag);
        if (tag != null) {
            c.put("tag", "tags @> ARRAY[CAST(:f_tag AS text)]");
            p.put("f_tag", tag);
            filterLexeme("tag", tag).ifPresent(lexemes::add);
        }
        return new Filters(c, p, List.copyOf(lexemes));
    }

    private static InvalidException badFilter(String field, String key, String value) {
        return InvalidException.field(field, key, value);
    }

    /**
     * Every facet's counts and the total in one statement and one pass over the matches: the
     * match set is computed once (MATERIALIZED); GROUPING SETS count domain, case type, matter,
     * level and year together, each under all filters but its own — so choosing 市场监管 still
     * shows how many cases the other domains would give — and the tags are counted from the same
     * set.
     */
    /** Facet rows by facet name; {@code sampled} when they were counted over the first {@link #SCAN_LIMIT} matches only. */
    private record Facets(Map<String, List<Object[]>> rows, long sample, int bound) {
        boolean sampled() {
            return sample > bound;
        }
    }

    private Facets facets(String match, Filters f) {
        return facets(match, f, null, 0);
    }

    /** The facets; with {@code rank}, also the best {@code limit} candidates of the same matches (rows 'cand'). */
    @SuppressWarnings("unchecked")
    private Facets facets(String match, Filters f, String rank, int limit) {
        // at most SCAN_LIMIT + 1 matches are read: facet counts are exact up to the bound (issue 16)
        String sql = "WITH m AS MATERIALIZED (SELECT " + (rank == null ? "" : RANKED_COLUMNS + ", ")
                + "domain_id, case_type, matter, org_level, case_year, tags FROM case_search"
                + (match == null ? "" : " WHERE document @@ CAST(:match AS tsquery)") + " LIMIT " + (scanLimit() + 1) + "), "
                + "g AS (SELECT GROUPING(domain_id) gd, GROUPING(case_type) gt, GROUPING(matter) gm, GROUPING(org_level) gl, "
                + "GROUPING(case_year) gy, domain_id, case_type, matter, org_level, case_year, "
                + "count(*) FILTER (WHERE " + f.except("domain") + ") nd, count(*) FILTER (WHERE " + f.except("caseType") + ") nt, "
                + "count(*) FILTER (WHERE " + f.except("matter") + ") nm, count(*) FILTER (WHERE " + f.except("orgLevel") + ") nl, "
                + "count(*) FILTER (WHERE " + f.except("year") + ") ny, count(*) FILTER (WHERE " + f.all() + ") n "
                + "FROM m GROUP BY GROUPING SETS ((domain_id), (case_type), (matter), (org_level), (case_year), ())), "
                + "v AS (SELECT CASE WHEN gd = 0 THEN 'domain' WHEN gt = 0 THEN 'caseType' WHEN gm = 0 THEN 'matter' "
                + "WHEN gl = 0 THEN 'orgLevel' WHEN gy = 0 THEN 'year' ELSE 'total' END AS facet, "
                + "COALESCE(CAST(domain_id AS text), case_type, matter, org_level, CAST(case_year AS text)) AS value, "
                + "CASE WHEN gd = 0 THEN nd WHEN gt = 0 THEN nt WHEN gm = 0 THEN nm WHEN gl = 0 THEN nl WHEN gy = 0 THEN ny ELSE n END AS n FROM g) "
                + "SELECT facet, value, CAST(n AS float8) FROM (SELECT facet, value, n, "
                + "row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS rn FROM v WHERE n > 0 OR facet = 'total') x "
                + "WHERE rn <= (CASE WHEN facet = 'matter' THEN " + MATTER_FACET_SIZE + " ELSE 100 END) "
                + "UNION ALL (SELECT 'tag', t, count(*) FROM (SELECT unnest(tags) AS t FROM m WHERE " + f.except("tag")
                + ") u GROUP BY t ORDER BY count(*) DESC, t LIMIT " + TAG_FACET_SIZE + ") "
                + "UNION ALL (SELECT 'sample', '', CAST(count(*) AS float8) FROM m)"
                + (rank == null ? "" : " UNION ALL " + candidates(f.all(), limit));
        Query query = em.createNativeQuery(sql);
        if (match != null) {
            query.setParameter("match", match);
        }
        if (rank != null) {
            query.setParameter("rank", rank);
        }
        f.params().forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        Map<String, List<Object[]>> byFacet = rows.stream()
                .collect(Collectors.groupingBy(r -> (String) r[0], LinkedHashMap::new, Collectors.toList()));
        long sample = byFacet.getOrDefault("sample", List.<Object[]>of()).stream()
                .mapToLong(r -> ((Number) r[2]).longValue()).sum();
        return new Facets(byFacet, sample, scanLimit());
    }

    /** Without words: the newest cases first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> browse(Filters f, int limit, int offset) {
        Query q = em.createNativeQuery("SELECT s.version_id, 0.0 FROM case_search s WHERE " + f.all()
                + " ORDER BY s.case_date DESC, s.code LIMIT :limit OFFSET :offset");
        f.params().forEach(q::setParameter);
        q.setParameter("limit", limit);
        q.setParameter("offset", offset);
        return q.getResultList();
    }

    /** The candidates ranked on their whole text: title and keywords (A) weigh most, the body (C) least. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rerank(List<Long> versionIds, String rank) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT s.version_id, ts_rank(CAST('" + WEIGHTS + "' AS real[]), s.document, CAST(:rank AS tsquery), "
                + RANK_NORMALISATION + ") AS r FROM case_search s WHERE s.version_id IN (:ids) ORDER BY r DESC, s.case_date DESC, s.code")
                .setParameter("rank", rank).setParameter("ids", versionIds).getResultList();
    }

    /**
     * The hits of a page: versions, codes and domain names in one statement, read as plain columns (issue 16: as
     * entities, their texts and arrays were copied for a dirty check nobody needed, and the list of ids made
     * Hibernate translate the query again on every search). The sections come in {@link CaseSection} order.
     */
    private List<Hit> hitViews(List<Object[]> rows, List<String> marks) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Double> ranks = new HashMap<>();
        rows.forEach(r -> ranks.put(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue()));
        Long[] ids = ranks.keySet().toArray(Long[]::new);
        Map<Long, Hit> found = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            Map<Long, Hit> out = new HashMap<>();
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT v.id, v.version_no, v.title, v.domain_id, "
                    + "d.name, v.case_type, v.org_level, v.matter, v.case_date, v.tags, c.code, " + SECTION_COLUMNS
                    + " FROM case_version v JOIN typical_case c ON c.id = v.case_id JOIN enforcement_domain d ON d.id = v.domain_id "
                    + "WHERE v.id = ANY(?)")) {
                st.setArray(1, c.createArrayOf("bigint", ids));
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String title = rs.getString(3);
                        CaseType type = CaseType.valueOf(rs.getString(6));
                        OrgLevel level = OrgLevel.valueOf(rs.getString(7));
                        java.sql.Array tags = rs.getArray(10);
                        String[] sections = new String[CaseSection.values().length];
                        for (int i = 0; i < sections.length; i++) {
                            sections[i] = rs.getString(12 + i);
                        }
                        out.put(rs.getLong(1), new Hit(rs.getString(11), rs.getInt(2), title, Highlighter.highlight(title, marks),
                                snippet(sections, marks), rs.getLong(4), rs.getString(5), type, type.label, level,
                                OrgLevels.label(level), rs.getString(8), rs.getObject(9, LocalDate.class),
                                tags == null ? List.of() : List.of((String[]) tags.getArray()), ranks.get(rs.getLong(1))));
                    }
                }
            }
            return out;
        });
        return rows.stream().map(r -> found.get(((Number) r[0]).longValue())).filter(java.util.Objects::nonNull).toList();
    }

    /** The columns of the sections in {@link CaseSection} order (as {@link CaseVersion#section} maps them). */
    private static final String SECTION_COLUMNS = java.util.Arrays.stream(CaseSection.values()).map(s -> "v." + switch (s) {
        case FACTS -> "facts";
        case INVESTIGATION -> "investigation";
        case HANDLING -> "handling";
        case DISCRETION -> "discretion";
        case PROCEDURE -> "procedure_points";
        case SIGNIFICANCE -> "significance";
        case MISTAKES -> "mistakes";
    }).collect(Collectors.joining(", "));

    /** Around the first match in the case's sections ({@link CaseSection} order, 基本案情 first); the facts' start otherwise. */
    private static String snippet(String[] sections, List<String> marks) {
        if (!marks.isEmpty()) {
            for (String section : sections) {
                String text = Highlighter.plainText(section);
                if (Highlighter.contains(text, marks)) {
                    return Highlighter.snippet(text, marks, SNIPPET_WIDTH);
                }
            }
        }
        return Highlighter.snippet(Highlighter.plainText(sections[CaseSection.FACTS.ordinal()]), marks, SNIPPET_WIDTH);
    }

    static Map<Long, String> codes(List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return TypicalCase.<TypicalCase> list("id IN ?1", caseIds).stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
    }

    static Map<Long, String> domainNames() {
        // static: the organisation's directory comes from the container
        return io.quarkus.arc.Arc.container().instance(OrgDirectory.class).get().domainNames();
    }

    private List<Facet> facetViews(Map<String, List<Object[]>> rows, CaseQuery q) {
        Map<Long, String> domains = domainNames();
        List<Facet> out = new ArrayList<>();
        out.add(facet("domain", rows, q.domain == null ? null : String.valueOf(q.domain), v -> domains.getOrDefault(Long.valueOf(v), v), true));
        out.add(facet("caseType", rows, CaseType.parse(q.caseType).map(Enum::name).orElse(null),
                v -> CaseType.valueOf(v).label, true));
        out.add(facet("matter", rows, CaseQuery.blankToNull(q.matter), v -> v, false));
        out.add(facet("orgLevel", rows, OrgLevels.parse(q.orgLevel).map(Enum::name).orElse(null),
                v -> OrgLevels.label(OrgLevel.valueOf(v)), true));
        out.add(facet("year", rows, q.year == null ? null : String.valueOf(q.year), v -> v, false));
        out.add(facet("tag", rows, CaseQuery.blankToNull(q.tag), v -> v, false));
        return out;
    }

    private static Facet facet(String name, Map<String, List<Object[]>> rows, String selected, Function<String, String> label,
            boolean byLabelOrder) {
        List<FacetValue> values = new ArrayList<>();
        for (Object[] r : rows.getOrDefault(name, List.of())) {
            String v = (String) r[1];
            values.add(new FacetValue(v, label.apply(v), ((Number) r[2]).longValue(), v.equals(selected)));
        }
        if (name.equals("year")) {
            values.sort((a, b) -> b.value().compareTo(a.value()));
        } else if (byLabelOrder) {
            values.sort((a, b) -> Long.compare(b.count(), a.count()));
        }
        if (selected != null && values.stream().noneMatch(FacetValue::selected)) {
            // outside the top values, or no hits at all: still show the active filter so it can be cleared
            values.add(0, new FacetValue(selected, label.apply(selected), 0, true));
        }
        return new Facet(name, List.copyOf(values));
    }

    /** Puts the version into the index (replacing the case's previous row). Same transaction as the publish. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(TypicalCase c, CaseVersion v, String domainName) {
        em.flush();
        em.createNativeQuery("""
                INSERT INTO case_search (case_id, version_id, code, domain_id, case_type, matter, org_level, case_year,
                                         tags, case_date, citations, document, head, tokens_version)
                SELECT v.case_id, v.id, :code, v.domain_id, v.case_type, v.matter, v.org_level,
                       CAST(EXTRACT(YEAR FROM v.case_date) AS int), v.tags, v.case_date, CAST(:citations AS text[]),
                       CAST(:document AS tsvector), CAST(:head AS tsvector), :tokens
                FROM case_version v WHERE v.id = :version
                ON CONFLICT (case_id) DO UPDATE SET version_id = EXCLUDED.version_id, domain_id = EXCLUDED.domain_id,
                       case_type = EXCLUDED.case_type, matter = EXCLUDED.matter, org_level = EXCLUDED.org_level,
                       case_year = EXCLUDED.case_year, tags = EXCLUDED.tags, case_date = EXCLUDED.case_date,
                       citations = EXCLUDED.citations, document = EXCLUDED.document, head = EXCLUDED.head,
                       tokens_version = EXCLUDED.tokens_version
                """).setParameter("code", c.code).setParameter("citations", arrayLiteral(citations(v)))
                .setParameter("document", document(c.code, v, domainName).toTsvector())
                .setParameter("head", head(c.code, v).toTsvector()).setParameter("tokens", CaseTokenizer.VERSION)
                .setParameter("version", v.id).executeUpdate();
    }

    /** Takes the case out of the index (withdrawn). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unindex(long caseId) {
        em.createNativeQuery("DELETE FROM case_search WHERE case_id = :id").setParameter("id", caseId).executeUpdate();
    }

    /** Re-tokenises rows indexed by an older tokenizer version; returns how many. */
    @Transactional
    public int reindexStale() {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery(
                "SELECT s.case_id, s.version_id FROM case_search s WHERE s.tokens_version <> :v")
                .setParameter("v", CaseTokenizer.VERSION).getResultList();
        Map<Long, String> domains = domainNames();
        for (Object[] r : stale) {
            TypicalCase c = TypicalCase.findById(((Number) r[0]).longValue());
            CaseVersion v = CaseVersion.findById(((Number) r[1]).longValue());
            index(c, v, domains.get(v.domainId));
        }
        return stale.size();
    }

    /**
     * The tokens of a case: code, title and keywords weigh A; matter, tags and legal basis B (each
     * citation also as 行政处罚法#33 and #33); the sections and the domain and type names C; the
     * source D.
     */
    public static CaseTokenizer.Document document(String code, CaseVersion v, String domainName) {
        CaseTokenizer.Document d = new CaseTokenizer.Document();
        d.lexeme(code, 'A').text(v.title, 'A');
        v.keywords.forEach(k -> d.text(k, 'A'));
        d.text(v.matter, 'B');
        v.tags.forEach(t -> d.text(t, 'B'));
        for (CaseVersion.LegalBasisEntry b : v.legalBasis) {
            d.lexeme(Citations.token(b.law, b.article), 'B').lexeme(Citations.token(null, b.article), 'B');
            d.text(b.law, 'B').text(b.note, 'B');
        }
        for (CaseSection s : CaseSection.values()) {
            d.text(v.section(s), 'C');
        }
        d.text(domainName, 'C').text(v.caseType.label, 'C').text(v.source, 'D');
        filterLexemes(v).forEach(l -> d.lexeme(l, 'D'));
        return d;
    }

    /**
     * The filter values of a version as lexemes ({@code ~domain:2}, {@code ~year:2024}, {@code ~tag:首违不罚}, …),
     * so that a search under filters is one condition the GIN index answers alone (issue 16). Not in the
     * ranking query, so they do not move the rank.
     */
    static List<String> filterLexemes(CaseVersion v) {
        List<String> out = new ArrayList<>();
        filterLexeme("domain", String.valueOf(v.domainId)).ifPresent(out::add);
        filterLexeme("type", v.caseType.name()).ifPresent(out::add);
        filterLexeme("matter", v.matter).ifPresent(out::add);
        filterLexeme("level", v.orgLevel.name()).ifPresent(out::add);
        filterLexeme("year", String.valueOf(v.caseDate.getYear())).ifPresent(out::add);
        v.tags.forEach(t -> filterLexeme("tag", t).ifPresent(out::add));
        return out;
    }

    /** A filter value as a lexeme (normalised as {@link CaseTokenizer.Document#lexeme} does); none when too long to index. */
    static Optional<String> filterLexeme(String facet, String value) {
        String lexeme = Citations.normalise("~" + facet + ":" + value).toLowerCase();
        return lexeme.isBlank() || lexeme.length() > CaseTokenizer.MAX_LEXEME_LENGTH ? Optional.empty() : Optional.of(lexeme);
    }

    /**
     * The head: what weighs A and B without the notes and the body — code, title, keywords
     * (A); matter, tags and each citation (B). A few hundred bytes, so ranking it needs no TOAST read.
     */
    public static CaseTokenizer.Document head(String code, CaseVersion v) {
        CaseTokenizer.Document d = new CaseTokenizer.Document();
        d.lexeme(code, 'A').text(v.title, 'A');
        v.keywords.forEach(k -> d.text(k, 'A'));
        d.text(v.matter, 'B');
        v.tags.forEach(t -> d.text(t, 'B'));
        for (CaseVersion.LegalBasisEntry b : v.legalBasis) {
            d.lexeme(Citations.token(b.law, b.article), 'B').lexeme(Citations.token(null, b.article), 'B').text(b.law, 'B');
        }
        return d;
    }

    static List<String> citations(CaseVersion v) {
        return v.legalBasis.stream().map(b -> Citations.token(b.law, b.article)).distinct().toList();
    }

    /** A PostgreSQL text[] literal: every element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(List<String> values) {
        return values.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Published cases sharing the matter or a cited article with this one, most shared first
     * (same domain breaks ties).
     */
    @SuppressWarnings("unchecked")
    public List<CaseView.RelatedCase> related(long caseId, CaseVersion v, int limit) {
        List<String> mine = citations(v);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.version_id, s.matter = :matter AS same_matter,
                       cardinality(ARRAY(SELECT unnest(s.citations) INTERSECT SELECT unnest(CAST(:cites AS text[])))) AS shared
                FROM case_search s
                WHERE s.case_id <> :id AND (s.citations && CAST(:cites AS text[]) OR s.matter = :matter)
                ORDER BY same_matter DESC, shared DESC, (s.domain_id = :domain) DESC, s.case_date DESC, s.code
                LIMIT :limit
                """).setParameter("matter", v.matter).setParameter("cites", arrayLiteral(mine)).setParameter("id", caseId)
                .setParameter("domain", v.domainId).setParameter("limit", limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, CaseVersion> versions = CaseVersion.<CaseVersion> list("id IN ?1", ids).stream()
                .collect(Collectors.toMap(x -> x.id, Function.identity()));
        Map<Long, String> codes = codes(versions.values().stream().map(x -> x.caseId).toList());
        Map<Long, String> domains = domainNames();
        List<CaseView.RelatedCase> out = new ArrayList<>();
        for (Long id : ids) {
            CaseVersion o = versions.get(id);
            List<String> shared = o.legalBasis.stream().filter(b -> mine.contains(Citations.token(b.law, b.article)))
                    .map(b -> b.law + ChineseNumerals.article(b.article)).distinct().toList();
            out.add(new CaseView.RelatedCase(codes.get(o.caseId), o.title, domains.get(o.domainId), o.caseType.label,
                    o.matter.equals(v.matter), shared));
        }
        return out;
    }
}
