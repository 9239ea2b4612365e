package cn.zhifa.academy.exam;

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

/**
 * The question spreadsheet: one sheet 题目 with a header row, one question per row. The same
 * layout is the template, the import and the export, so an export can be edited and re-imported.
 */
public final class QuestionXlsx {

    public static final String SHEET = "题目";
    public static final List<String> HEADERS = List.of("编号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E",
            "选项F", "答案", "解析", "法律", "条款", "领域", "难度", "适用分级", "适用层级", "标签", "来源案例", "分值", "参考答案");
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
                    problems.add(new ImportProblem(null, 1, column(c), "表头应为“" + HEADERS.get(c) + "”，而不是“" + h
                            + "”；请使用下载的模板"));
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
                    answer = Arrays.stream(v[9].split("[|｜]")).map(String::trim).toList();
                } else {
                    answer = List.of(v[9]);
                }
                inputs.add(new QuestionInput(null, r + 1, v[0], v[1], v[2], options, answer, v[20], List.of(), v[19],
                        v[10], v[11], v[12], v[13], v[14], split(v[15]), split(v[16]), split(v[17]), v[18]));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(null, 1, "-", "无法读取文件，请上传 .xlsx 格式的题目表"));
        }
        return new Read(inputs, problems);
    }

    private static List<String> split(String s) {
        return BlueprintSection.split(s);
    }

    /** Spreadsheet column letter of a 0-based index. */
    public static String column(int c) {
        return String.valueOf((char) ('A' + c));
    }

    /** Column letter of a field name used in problems (the header text). */
    public static String columnOf(String header) {
        int i = HEADERS.indexOf(header);
        if (i >= 0) {
            return column(i) + "（" + header + "）";
        }
        if (header.equals("选项")) {
            return "D–I（选项）";
        }
        if (header.equals("评分要点")) {
            return header;
        }
        return header;
    }

    public static byte[] template() {
        List<List<String>> rows = List.of(
                List.of("CF-900", "单选", "行政处罚的实施机关应当在法定职权范围内实施。根据《行政处罚法》，下列哪一项不属于行政处罚的种类？",
                        "警告、通报批评", "罚款、没收违法所得", "罚金", "暂扣许可证件", "", "", "C",
                        "依据《中华人民共和国行政处罚法》第九条，罚金是刑罚，不是行政处罚。", "行政处罚法", "9", "通用", "1", "新任,在岗",
                        "区县,镇街", "处罚种类", "", "", ""),
                List.of("CF-901", "判断", "执法人员在调查或者进行检查时，不得少于两人。", "", "", "", "", "", "", "对",
                        "依据《中华人民共和国行政处罚法》第四十二条第一款，执法人员不得少于两人。", "行政处罚法", "42", "通用", "1", "新任",
                        "镇街", "", "", "", ""));
        return write(rows, true);
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
            r.add(String.join(",", BlueprintSection.split(v.grades).stream()
                    .map(g -> Grade.valueOf(g).label).toList()));
            r.add(String.join(",", BlueprintSection.split(v.levels).stream().map(QuestionXlsx::levelLabel).toList()));
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

    private static String levelLabel(String level) {
        return switch (level) {
            case "CITY" -> "市";
            case "DISTRICT" -> "区县";
            default -> "镇街";
        };
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
                Sheet help = wb.createSheet("填写说明");
                String[] lines = {
                    "每行一道题；第一行表头不要修改。编号全库唯一，再次导入同一编号即修改该题（已被考试使用的题目会生成新版本）。",
                    "题型：单选、多选、判断、填空、案例分析。",
                    "选项：单选、多选题填写在 选项A–选项F（至少两个），不带字母；判断、填空、案例分析题不填。",
                    "答案：单选填一个字母（如 B）；多选填全部正确字母（如 ABD）；判断填 对 或 错；填空填可接受的答案，多个用 | 分隔（如 两|二|2）。",
                    "解析：写明依据的法律条文，如“依据《中华人民共和国行政处罚法》第三十三条……”；条款填条号，多个用逗号分隔（如 33,34）。",
                    "领域：通用 或 执法领域名称（如 市场监管）；难度：1–5。",
                    "适用分级：新任、在岗、骨干、领导（可多个，用逗号分隔）；适用层级：市、区县、镇街。",
                    "案例分析题：不填答案，填写 分值 和 参考答案（由阅卷人对照评分）。",
                    "导入时先校验全部行：有任何错误都不会导入，并列出每个错误的行号、列和原因。" };
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
