package cn.zhifa.academy.people.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The downloadable roster templates: XLSX with a 填写说明 sheet, and CSV (UTF-8 with BOM). All
 * words are the format's ({@code formats/roster.properties}).
 */
public final class RosterTemplate {

    private RosterTemplate() {
    }

    /** The name of the template download, e.g. 人员花名册模板.xlsx. */
    public static String filename(String extension) {
        return W.get("template_name") + "." + extension;
    }

    private static final FormatWords W = RosterColumn.words();

    public static byte[] csv() {
        String header = Arrays.stream(RosterColumn.values()).map(c -> c.header).collect(Collectors.joining(","));
        return ("\ufeff" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<OrgDirectory.Unit> units, List<OrgDirectory.Domain> domains) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet data = wb.createSheet(W.get("sheet.data"));
            Row head = data.createRow(0);
            RosterColumn[] cols = RosterColumn.values();
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i].header);
                head.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, Math.max(10, cols[i].header.length() * 2 + 4) * 256);
            }
            data.createFreezePane(0, 1);

            Sheet help = wb.createSheet(W.get("sheet.help"));
            int r = 0;
            r = line(help, r, bold, W.get("help.column"), W.get("help.required"), W.get("help.example"), W.get("help.explain"));
            for (RosterColumn c : cols) {
                r = line(help, r, null, c.header, W.get(c.required ? "help.yes" : "help.no"), c.example, explain(c));
            }
            r++;
            r = line(help, r, bold, W.get("help.categories"), join(Arrays.stream(PersonCategory.values()).map(x -> x.label)));
            r = line(help, r, bold, W.get("help.grades"), join(Arrays.stream(Grade.values()).map(x -> x.label)));
            r = line(help, r, bold, W.get("help.statuses"), join(Arrays.stream(EmploymentStatus.values()).map(x -> x.label)));
            r = line(help, r, bold, W.get("help.domains"), join(domains.stream().map(OrgDirectory.Domain::name)));
            r++;
            r = line(help, r, bold, W.get("help.unit_code"), W.get("help.unit_name"));
            for (OrgDirectory.Unit u : units) {
                r = line(help, r, null, u.code(), u.name());
            }
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(3, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String explain(RosterColumn c) {
        return switch (c) {
            case EMPLOYEE_NO, ID_NUMBER, UNIT, DEPARTMENT, DOMAINS, CERT_NO, STATUS, STATUS_SINCE, PROVIDER_CODE ->
                W.get("explain." + c.name());
            default -> "";
        };
    }

    private static String join(java.util.stream.Stream<String> s) {
        return s.collect(Collectors.joining(W.get("help.joiner")));
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
