package cn.zhifa.academy.matters;

/** One problem in a catalogue file: the spreadsheet line (1 = header), the column header and why. */
public record MatterImportError(int line, String column, String message) {
}
