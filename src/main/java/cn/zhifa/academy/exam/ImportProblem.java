package cn.zhifa.academy.exam;

/**
 * One bad cell or field of a question import: the 1-based line (spreadsheet row, or the YAML
 * line of the item), the column or field, and why.
 */
public record ImportProblem(String file, int line, String column, String message) {

    @Override
    public String toString() {
        return (file == null ? "" : file + ":") + "第" + line + "行 " + column + "：" + message;
    }
}
