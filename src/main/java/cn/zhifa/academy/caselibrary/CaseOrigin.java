package cn.zhifa.academy.caselibrary;

/** Where a case comes from: the curated case-library/ folder, or written on the platform. */
public enum CaseOrigin {
    /** 导入: maintained as a file in case-library/, reviewed in the repository */
    IMPORTED,
    /** 平台编写: written and reviewed on the platform (four eyes) */
    AUTHORED
}
