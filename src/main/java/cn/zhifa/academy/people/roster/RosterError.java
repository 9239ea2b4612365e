package cn.zhifa.academy.people.roster;

/** One problem in a roster file: the spreadsheet line (1 = header), the column and why. */
public record RosterError(int line, String column, String message) {
}
