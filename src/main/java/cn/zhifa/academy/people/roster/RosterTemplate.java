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

/** The downloadable roster templates: XLSX with a 填写说明 sheet, and CSV (UTF-8 with BOM). */
public final class RosterTemplate {

    private RosterTemplate() {
    }

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

            Sheet data = wb.createSheet("人员花名册");
            Row head = data.createRow(0);
            RosterColumn[] cols = RosterColumn.values();
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i].header);
                head.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, Math.max(10, cols[i].header.length() * 2 + 4) * 256);
            }
            data.createFreezePane(0, 1);

            Sheet help = wb.createSheet("填写说明");
            int r = 0;
            r = line(help, r, bold, "列", "是否必填", "示例", "说明");
            for (RosterColumn c : cols) {
                r = line(help, r, null, c.header, c.required ? "必填" : "选填", c.example, explain(c));
            }
            r++;
            r = line(help, r, bold, "人员类别可选值", join(Arrays.stream(PersonCategory.values()).map(x -> x.label)));
            r = line(help, r, bold, "人员分级可选值", join(Arrays.stream(Grade.values()).map(x -> x.label)));
            r = line(help, r, bold, "在岗状态可选值", join(Arrays.stream(EmploymentStatus.values()).map(x -> x.label)));
            r = line(help, r, bold, "执法领域可选值", join(domains.stream().map(OrgDirectory.Domain::name)));
            r++;
            r = line(help, r, bold, "单位编码", "单位名称");
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
            case EMPLOYEE_NO -> "唯一；再次导入时按工号更新，文件中没有的人员不会被删除";
            case ID_NUMBER -> "18 位，校验位必须正确；系统只保存加密摘要和脱敏号码";
            case UNIT -> "单位编码或名称（名称重复时请用编码）";
            case DEPARTMENT -> "须为所属单位下的部门";
            case DOMAINS -> "多个领域用顿号或逗号分隔";
            case CERT_NO -> "执法人员、法制审核人员填写；辅助人员和第三方机构人员不得填写";
            case STATUS -> "默认在岗；已登记人员留空则保持原状态";
            case STATUS_SINCE -> "格式 2024-03-01";
            case PROVIDER_CODE -> "第三方机构人员必填，须为已登记机构";
            default -> "";
        };
    }

    private static String join(java.util.stream.Stream<String> s) {
        return s.collect(Collectors.joining("、"));
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
