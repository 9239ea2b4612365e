package cn.zhifa.academy.caselibrary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the case library, under {@code academy.cases.*} (environment variables
 * ACADEMY_CASES_FOLDER, ACADEMY_CASES_IMPORT_AT_START, …); docs/operations.md lists them.
 */
@ConfigMapping(prefix = "academy.cases")
public interface CasesConfig {

    /**
     * The folder of typical cases as files ({@code <domain>/<code>.md}); relative paths are
     * resolved against the working directory. The import page and API import this folder.
     */
    @WithDefault("case-library")
    String folder();

    /**
     * Import the folder when the service starts (default on; off in production, where the
     * folder is imported on purpose by a trainer or system administrator). Bad content is
     * logged and never stops the start.
     */
    @WithDefault("true")
    boolean importAtStart();

    /**
     * The bound of a search (issue 16): the total, the facet counts and the ranking candidates come
     * from at most this many matches (+1, to know there are more). Exact for every search with fewer
     * matches; beyond it the page says "2000+" and that the facets are counted over the first ones.
     * Lower is faster for words found in nearly every case (docs/performance.md, issue 16 "Seventh
     * round"); default 2000 (CaseSearchService.SCAN_LIMIT).
     */
    @WithDefault("2000")
    int searchScanLimit();

    /**
     * How many searches (words and filters) keep their facets, total and ranking in memory until the
     * library changes ({@link CaseSearchCache}, issue 16); a few kilobytes each. 0 turns the cache off.
     */
    @WithDefault("256")
    int searchCacheSize();

    /** Search results per page when the request does not say. */
    @WithDefault("10")
    int pageSize();

    /** How many related cases a case page shows. */
    @WithDefault("5")
    int relatedLimit();
}
