package cn.zhifa.academy.platform.web;

/**
 * Page arithmetic for any paged result (0-based {@link #page()}): the records that carry a
 * page of people, cases … implement it instead of repeating it; templates use the derived values.
 */
public interface Paging {

    int page();

    int size();

    long total();

    default int pages() {
        return (int) ((total() + size() - 1) / size());
    }

    default boolean hasNext() {
        return page() + 1 < pages();
    }

    default boolean hasPrevious() {
        return page() > 0;
    }

    /** 1-based page number for display. */
    default int number() {
        return page() + 1;
    }

    default int previous() {
        return page() - 1;
    }

    default int next() {
        return page() + 1;
    }
}
