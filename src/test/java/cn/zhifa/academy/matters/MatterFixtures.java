package cn.zhifa.academy.matters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zhifa.academy.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Catalogue rows and files for the matters tests. */
final class MatterFixtures {

    private MatterFixtures() {
    }

    /** A row in template order. */
    static String[] row(String code, String name, String domain, String basis, String hf, String towns, String date) {
        String[] r = new String[MatterColumn.values().length];
        Arrays.fill(r, "");
        r[MatterColumn.CODE.ordinal()] = code;
        r[MatterColumn.NAME.ordinal()] = name;
        r[MatterColumn.DOMAIN.ordinal()] = domain;
        r[MatterColumn.LEGAL_BASIS.ordinal()] = basis;
        r[MatterColumn.HIGH_FREQUENCY.ordinal()] = hf;
        r[MatterColumn.TOWNS.ordinal()] = towns;
        r[MatterColumn.EFFECTIVE_ON.ordinal()] = date;
        return r;
    }

    static String[] with(String[] row, MatterColumn c, String value) {
        row[c.ordinal()] = value;
        return row;
    }

    static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("赋权事项目录");
            Row h = s.createRow(0);
            for (MatterColumn c : MatterColumn.values()) {
                h.createCell(c.ordinal()).setCellValue(c.header);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(i + 1);
                for (int j = 0; j < rows.get(i).length; j++) {
                    if (!rows.get(i)[j].isEmpty()) {
                        r.createCell(j).setCellValue(rows.get(i)[j]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static JsonPath preview(Api api, byte[] body) {
        Response r = api.post().multiPart("file", "catalogue.xlsx", body, MatterXlsx.TYPE).when()
                .post("/api/v1/matters/import");
        r.then().statusCode(200);
        return r.jsonPath();
    }

    static Response commit(Api api, JsonPath preview) {
        return api.post().when().post("/api/v1/matters/import/" + preview.getString("importId") + "/commit");
    }
}
