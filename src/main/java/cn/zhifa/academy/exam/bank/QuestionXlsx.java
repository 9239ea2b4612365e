package cn.zhifa.academy.exam.bank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The question spreadsheet: one sheet 题目 with a header row, one question per row. The same
 * layout is the template, the import and the export, so an export can be edited and re-imported.
 * Sheet names, headers and the template's rows are words of the format
 * ({@code formats/question-xlsx.properties}).
 */
public final class QuestionXlsx {

    static final FormatWords WORDS = FormatWords.of("question-xlsx");
    public static final String SHEET = WORDS.get("sheet");
    public static final List<String> HEADERS = WORDS.list("headers");
    /** The columns of the options, as problems name them (D–I). */
    private static final String OPTION_COLUMNS = WORDS.get("options.columns");
    static final int OPTIONS_FROM = 3;
    static final int OPTIONS = 6;

    public record Read(List<QuestionInput> inputs, List<ImportProblem> problems) {
    }

    private QuestionXlsx() {
    }

    public static Read read(InputStream in) {
        List<QuestionInput> inputs = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(SHEET) != null ? wb.getSheet(SHEET) : wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                String h = header == null ? "" : fmt.formatCellValue(header.getCell(c)).trim();
                if (!HEADERS.get(c).equals(h)) {
                    problems.add(ImportProblem.of(null, 1, column(c), "question.xlsx.header", HEADERS.get(c), h));
                }
            }
            if (!problems.isEmpty()) {
                return new Read(List.of(), problems);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] v = new String[HEADERS.size()];
                boolean empty = true;
                for (int c = 0; c < v.length; c++) {
                    Cell cell = row.getCell(c);
                    v[c] = cell == null ? "" : fmt.formatCellValue(cell).trim();
                    empty &= v[c].isEmpty();
                }
                if (empty) {
                    continue;
                }
                List<String> options = new ArrayList<>(Arrays.asList(v).subList(OPTIONS_FROM, OPTIONS_FROM + OPTIONS));
                while (!options.isEmpty() && options.get(options.size() - 1).isEmpty()) {
                    options.remove(options.size() - 1);
                }
                QuestionType type = QuestionType.parse(v[1]).orElse(null);
                List<String> answer;
                if (v[9].isEmpty()) {
                    answer = List.of();
                } else if (type == QuestionType.FILL) {
                    answer = Arrays.stream(v[9].split(QuestionFields.ALTERNATIVES)).map(String::trim).toList();
                } else {
                    answer = List.of(v[9]);
                }
                inputs.add(new QuestionInput(null, r + 1, v[0], v[1], v[2], options, answer, v[20], List.of(), v[19],
                        v[10], v[11], v[12], v[13], v[14], split(v[15]), split(v[16]), split(v[17]), v[18]));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(ImportProblem.of(null, 1, "-", "question.xlsx.unreadable"));
        }
        return new Read(inputs, problems);
    }

    private static List<String> split(String s) {
        return QuestionFields.split(s);
    }

    /** Spreadsheet column letter of a 0-based index. */
    public static String column(int c) {
        return String.valueOf((char) ('A' + c));
    }

    /**
     * Column letter of a field name used in problems (the header text), with the header, in the
     * language of the current request (the format's words stay as they are).
     */
    public static String columnOf(String header) {
        int i = HEADERS.indexOf(header);
        if (i >= 0) {
            return ErrorTexts.text(ErrorTexts.currentLocale(), "question.xlsx.column", column(i), header);
        }
        if (header.equals(QuestionFields.OPTIONS)) {
            return ErrorTexts.text(ErrorTexts.currentLocale(), "question.xlsx.column", OPTION_COLUMNS, header);
        }
        return header;
    }

    public static byte[] template() {
        return write(List.of(WORDS.list("template.row.1"), WORDS.list("template.row.2")), true);
    }

    /** Current versions of the given questions, in the import layout. */
    public static byte[] export(List<QuestionVersion> versions, java.util.function.LongFunction<String> codeOf) {
        List<List<String>> rows = new ArrayList<>();
        for (QuestionVersion v : versions) {
            List<String> r = new ArrayList<>();
            r.add(codeOf.apply(v.questionId));
            r.add(v.type.label);
            r.add(v.stemMd);
            List<String> options = v.options();
            for (int i = 0; i < OPTIONS; i++) {
                r.add(i < options.size() ? options.get(i) : "");
            }
            r.add(QuestionRules.keyText(v.type, v.key()));
            r.add(v.explanation);
            r.add(v.law);
            r.add(v.articles);
            r.add(domainName(v.domainCode));
            r.add(String.valueOf(v.difficulty));
            r.add(String.join(",", QuestionFields.split(v.grades).stream()
                    .map(g -> Grade.valueOf(g).label).toList()));
            r.add(String.join(",", QuestionFields.split(v.levels).stream().map(QuestionFields::levelName).toList()));
            r.add(v.tags);
            r.add(v.sourceCase == null ? "" : v.sourceCase);
            r.add(v.defaultPoints == null ? "" : v.defaultPoints.stripTrailingZeros().toPlainString());
            r.add(v.referenceAnswer == null ? "" : v.referenceAnswer);
            rows.add(r);
        }
        return write(rows, false);
    }

    private static String domainName(String code) {
        return io.quarkus.arc.Arc.container().instance(cn.zhifa.academy.organization.OrgDirectory.class).get().domain(code)
                .map(cn.zhifa.academy.organization.OrgDirectory.Domain::name).orElse(code);
    }

    private static byte[] write(List<List<String>> rows, boolean withInstructions) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(SHEET);
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row h = s.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<String> row : rows) {
                Row x = s.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    x.createCell(c).setCellValue(row.get(c));
                }
            }
            s.createFreezePane(0, 1);
            if (withInstructions) {
                Sheet help = wb.createSheet(WORDS.get("help.sheet"));
                String[] lines = WORDS.get("help.lines").split("\n");
                for (int i = 0; i < lines.length; i++) {
                    help.createRow(i).createCell(0).setCellValue(lines[i]);
                }
                help.setColumnWidth(0, 150 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
