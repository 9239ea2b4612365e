package cn.zhifa.academy.content;

/**
 * One problem in a content folder (courses/, case-library/): the file relative to the folder,
 * the 1-based line (0 when the problem concerns the whole file) and why.
 */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
