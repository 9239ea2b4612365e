package cn.zhifa.academy.caselibrary;

/** Case library settings a test chooses itself (the record's accessors are the settings). */
record TestCasesConfig(String folder, boolean importAtStart, int pageSize, int relatedLimit, int searchScanLimit,
        int searchCacheSize) implements CasesConfig {

    /** The settings in force, with another search bound. */
    static TestCasesConfig withScanLimit(CasesConfig c, int searchScanLimit) {
        return new TestCasesConfig(c.folder(), c.importAtStart(), c.pageSize(), c.relatedLimit(), searchScanLimit,
                c.searchCacheSize());
    }

    /** The settings in force, with another cache size (0: off). */
    static TestCasesConfig withCacheSize(CasesConfig c, int searchCacheSize) {
        return new TestCasesConfig(c.folder(), c.importAtStart(), c.pageSize(), c.relatedLimit(), c.searchScanLimit(),
                searchCacheSize);
    }
}
