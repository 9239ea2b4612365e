package cn.zhifa.academy.caselibrary;

/** Case library settings a test chooses itself (the record's accessors are the settings). */
record TestCasesConfig(String folder, boolean importAtStart, int pageSize, int relatedLimit, int searchScanLimit)
        implements CasesConfig {

    /** The settings in force, with another search bound. */
    static TestCasesConfig withScanLimit(CasesConfig c, int searchScanLimit) {
        return new TestCasesConfig(c.folder(), c.importAtStart(), c.pageSize(), c.relatedLimit(), searchScanLimit);
    }
}
