package cn.zhifa.academy.caselibrary;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A case-library search: words, facet filters and paging; bound from query parameters. */
public class CaseQuery {

    /** Words as an officer types them: 过期食品 首违, 行政处罚法 第三十三条, 第33条, 处罚法33条. */
    @QueryParam("q")
    @Parameter(description = "words, an article citation in any numerals, with or without the statute, or a case code")
    public String q;

    @QueryParam("domain")
    @Parameter(description = "enforcement domain id")
    public Long domain;

    @QueryParam("caseType")
    @Parameter(description = "PENALTY, COERCION, … or the Chinese name as in case files")
    public String caseType;

    @QueryParam("matter")
    @Parameter(description = "enforcement matter, exactly as shown in the facet")
    public String matter;

    @QueryParam("orgLevel")
    @Parameter(description = "CITY, DISTRICT, TOWN or the Chinese name as in case files")
    public String orgLevel;

    @QueryParam("year")
    public Integer year;

    @QueryParam("tag")
    public String tag;

    @QueryParam("page")
    @DefaultValue("0")
    public int page;

    /** 0: the configured default. */
    @QueryParam("size")
    @DefaultValue("0")
    public int size;

    public int safePage() {
        return Math.max(0, Math.min(page, 10_000));
    }

    public int safeSize(int defaultSize) {
        return size <= 0 ? defaultSize : Math.min(size, 50);
    }

    public boolean hasFilters() {
        return domain != null || blankToNull(caseType) != null || blankToNull(matter) != null
                || blankToNull(orgLevel) != null || year != null || blankToNull(tag) != null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The filters (without page) as a query string starting with &amp;, for paging and facet links. */
    public String queryString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "q", blankToNull(q));
        append(sb, "domain", domain);
        append(sb, "caseType", blankToNull(caseType));
        append(sb, "matter", blankToNull(matter));
        append(sb, "orgLevel", blankToNull(orgLevel));
        append(sb, "year", year);
        append(sb, "tag", blankToNull(tag));
        append(sb, "size", size > 0 ? size : null);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append('&').append(key).append('=')
                    .append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A copy with one filter changed (null clears it), back on the first page. */
    public CaseQuery with(String facet, String value) {
        CaseQuery c = new CaseQuery();
        c.q = q;
        c.domain = domain;
        c.caseType = caseType;
        c.matter = matter;
        c.orgLevel = orgLevel;
        c.year = year;
        c.tag = tag;
        c.size = size;
        switch (facet) {
            case "domain" -> c.domain = value == null ? null : Long.valueOf(value);
            case "caseType" -> c.caseType = value;
            case "matter" -> c.matter = value;
            case "orgLevel" -> c.orgLevel = value;
            case "year" -> c.year = value == null ? null : Integer.valueOf(value);
            case "tag" -> c.tag = value;
            default -> throw new IllegalArgumentException(facet);
        }
        return c;
    }

    /** Link to the search with one facet set to a value. */
    public String link(String facet, String value) {
        return "/cases?" + with(facet, value).queryString().replaceFirst("^&", "");
    }

    /** Link to the search without one facet's filter. */
    public String clearLink(String facet) {
        return "/cases?" + with(facet, null).queryString().replaceFirst("^&", "");
    }

    /** Link to another page of the same search. */
    public String pageLink(int page) {
        return "/cases?page=" + page + queryString();
    }
}
