package cn.zhifa.academy.matters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets of the feature: the catalogue template, the catalogue itself and the readiness grid. */
final class MatterXlsx {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MatterXlsx() {
    }

    /** The import template: the data sheet with headers and one example row, and a sheet of instructions. */
    static byte[] template(MatterMessages msg, List<String> domains, List<String> towns) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = bold(wb);
            Sheet data = wb.createSheet(msg.sheet_catalogue());
            MatterColumn[] cols = MatterColumn.values();
            Row head = data.createRow(0);
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i].header);
                head.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, Math.max(12, cols[i].header.length() * 3 + 4) * 256);
            }
            data.createFreezePane(0, 1);
            Sheet help = wb.createSheet(msg.sheet_help());
            int r = line(help, 0, bold, msg.help_column(), msg.help_required(), msg.help_example());
            for (MatterColumn c : cols) {
                r = line(help, r, null, c.header, c.required ? msg.help_yes() : msg.help_no(), c.example);
            }
            r++;
            r = line(help, r, bold, msg.help_domains(), String.join(MatterColumn.words().get("list.join"), domains));
            r = line(help, r, bold, msg.help_towns(), String.join(MatterColumn.words().get("list.join"), towns));
            r = line(help, r, null, msg.help_rule_lists());
            r = line(help, r, null, msg.help_rule_all_or_nothing());
            line(help, r, null, msg.help_rule_match());
            help.setColumnWidth(0, 24 * 256);
            help.setColumnWidth(3, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A sheet of rows under a header; cells marked in {@code red} get a red fill. */
    static byte[] table(String sheetName, List<String> headers, List<List<Object>> rows, List<boolean[]> red)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = bold(wb);
            CellStyle redFill = wb.createCellStyle();
            redFill.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            redFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Sheet s = wb.createSheet(sheetName);
            Row head = s.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
                s.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3 + 4) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    var cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v == null ? "" : String.valueOf(v));
                    }
                    if (red != null && red.get(r).length > i && red.get(r)[i]) {
                        cell.setCellStyle(redFill);
                    }
                }
            }
            s.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static CellStyle bold(XSSFWorkbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    private static int line(Sheet sheet, int r, CellStyle style, String... cells) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
            if (style != null) {
                row.getCell(i).setCellStyle(style);
            }
        }
        return r + 1;
    }
}
