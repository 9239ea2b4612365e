package cn.zhifa.academy.platform.web;

import java.util.List;

/**
 * One section of a personal record (学习档案) or a provider record: a titled table of
 * already-localised text, rendered the same way on the page and in the PDF export.
 *
 * @param key       stable identifier (used for anchors and tests), e.g. {@code exams}
 * @param title     localised section title
 * @param headers   localised column headers
 * @param rows      cells as display text, one list per row, same length as headers
 * @param summary   optional one-line localised summary shown above the table (may be null)
 * @param emptyText localised text shown when there are no rows
 */
public record RecordTable(String key, String title, List<String> headers, List<List<String>> rows, String summary,
        String emptyText) {

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
