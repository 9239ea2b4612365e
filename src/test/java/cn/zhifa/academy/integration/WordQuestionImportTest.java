package cn.zhifa.academy.integration;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionBankService;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.exam.bank.QuestionWord;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.storage.MediaObject;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 17 item 3: question banks from Word (.docx) and text in the trainers' layout. */
@QuarkusTest
class WordQuestionImportTest {

    @Inject
    TestAccounts accounts;

    static final String MULTI_STEM = "1. 下列图示的执法文书中，应当由两名以上执法人员签名的有（ ）。";

    /** Every type, an image in the multiple-choice stem; paragraph numbers in the comments. */
    static List<String> goodLines(String tag) {
        return List.of(
                "领域：通用", // 1
                "一、单选题", // 2
                "1. " + tag + "根据行政处罚法，下列哪一项不属于行政处罚的种类？（ ）", // 3
                "A. 警告  B. 罚款  C. 罚金  D. 暂扣许可证件", // 4
                "答案：C", // 5
                "解析：依据《中华人民共和国行政处罚法》第九条，罚金是刑罚。", // 6
                "二、多选题", // 7
                MULTI_STEM + tag, // 8 (+ image)
                "A. 现场检查笔录", // 9
                "B. 询问笔录", // 10
                "C. 内部审批表", // 11
                "答案：AB", // 12
                "解析：依据《中华人民共和国行政处罚法》第四十二条、第五十五条。", // 13
                "三、判断题", // 14
                "1. " + tag + "执法人员在调查或者进行检查时，不得少于两人。（ ）", // 15
                "答案：对", // 16
                "解析：依据《中华人民共和国行政处罚法》第四十二条第一款。", // 17
                "四、填空题", // 18
                "1. " + tag + "违法行为在（ ）年内未被发现的，不再给予行政处罚。", // 19
                "答案：二|两|2", // 20
                "解析：依据《中华人民共和国行政处罚法》第三十六条。", // 21
                "五、案例分析题", // 22
                "1. " + tag + "某执法人员当场罚款但未告知陈述申辩权利，请分析程序是否合法。", // 23
                "参考答案：不合法，依据《中华人民共和国行政处罚法》第四十四条应当告知。", // 24
                "分值：10"); // 25
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    Api trainer() {
        Account a = accounts.create("word-trainer", Roles.TRAINER, "SFS");
        return Api.as(a.username, PASSWORD);
    }

    static JsonPath upload(Api api, byte[] bytes, String suffix, String type) throws IOException {
        Path f = Files.createTempFile("bank", suffix);
        Files.write(f, bytes);
        return api.post().multiPart("file", f.toFile(), type).when().post("/api/v1/questions/import").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void everyTypeAndAnImageImportOnceAndReImportingChangesNothing() throws IOException {
        Api t = trainer();
        String tag = "【W" + System.nanoTime() % 100000 + "】";
        byte[] doc = QuestionWord.docx(goodLines(tag), Map.of(MULTI_STEM + tag, png()));
        JsonPath p = upload(t, doc, ".docx", QuestionWord.DOCX);
        assertThat(p.getList("problems")).isEmpty();
        assertThat(p.getInt("rows")).isEqualTo(5);
        assertThat(p.getInt("images")).isEqualTo(1);
        assertThat(p.getBoolean("paragraphs")).isTrue();
        assertThat(p.getList("created")).hasSize(5);
        JsonPath report = t.post().when().post("/api/v1/questions/import/" + p.getString("importId") + "/commit")
                .then().statusCode(200).extract().jsonPath();
        List<String> codes = report.getList("created");
        assertThat(codes).hasSize(5);

        Map<QuestionType, QuestionVersion> byType = QuarkusTransaction.requiringNew().call(() -> {
            Map<QuestionType, QuestionVersion> m = new java.util.EnumMap<>(QuestionType.class);
            for (String c : codes) {
                QuestionVersion v = QuestionBankService.currentVersion(c).orElseThrow();
                m.put(v.type, v);
            }
            return m;
        });
        assertThat(byType).containsOnlyKeys(QuestionType.values());
        assertThat(byType.get(QuestionType.SINGLE).key()).containsExactly("2");
        assertThat(byType.get(QuestionType.SINGLE).options()).containsExactly("警告", "罚款", "罚金", "暂扣许可证件");
        assertThat(byType.get(QuestionType.SINGLE).law).isEqualTo("行政处罚法");
        assertThat(byType.get(QuestionType.SINGLE).articles).isEqualTo("9");
        assertThat(byType.get(QuestionType.MULTIPLE).key()).containsExactly("0", "1");
        assertThat(byType.get(QuestionType.MULTIPLE).articles).isEqualTo("42,55");
        assertThat(byType.get(QuestionType.TRUE_FALSE).key()).containsExactly("1");
        assertThat(byType.get(QuestionType.FILL).key()).containsExactly("二", "两", "2");
        assertThat(byType.get(QuestionType.FILL).stemMd).contains("____");
        assertThat(byType.get(QuestionType.CASE_ANALYSIS).referenceAnswer).contains("不合法");
        assertThat(byType.get(QuestionType.CASE_ANALYSIS).defaultPoints).isEqualByComparingTo("10");

        // the image went to the object store and belongs to its question
        String stem = byType.get(QuestionType.MULTIPLE).stemMd;
        java.util.regex.Matcher m = MediaService.MEDIA_URL.matcher(stem);
        assertThat(m.find()).as(stem).isTrue();
        UUID id = UUID.fromString(m.group(1));
        MediaObject image = QuarkusTransaction.requiringNew()
                .call(() -> MediaObject.<MediaObject> find("publicId", id).firstResult());
        long questionId = QuarkusTransaction.requiringNew()
                .call(() -> Question.findByCode(codes.get(1)).orElseThrow().id);
        assertThat(image.ownerKind).isEqualTo(MediaOwner.QUESTION_IMAGE);
        assertThat(image.contentType).isEqualTo("image/png");
        t.get().when().get("/api/v1/media/" + image.publicId + "/content").then().statusCode(200);

        // the same document again: nothing changes, and the image is not stored twice
        JsonPath again = upload(t, doc, ".docx", QuestionWord.DOCX);
        assertThat(again.getList("unchanged")).hasSize(5);
        assertThat(again.getList("created")).isEmpty();
        assertThat(again.getList("revised")).isEmpty();
        t.post().when().post("/api/v1/questions/import/" + again.getString("importId") + "/commit").then()
                .statusCode(200).body("unchanged.size()", org.hamcrest.Matchers.is(5));
        assertThat(QuarkusTransaction.requiringNew().call(() -> MediaObject.count("sha256", image.sha256))).isEqualTo(1);
        assertThat(questionId).isPositive();
    }

    @Test
    void threeMistakesAreEachReportedWithTheirParagraphAndNothingIsWritten() throws IOException {
        Api t = trainer();
        String tag = "【E" + System.nanoTime() % 100000 + "】";
        List<String> lines = List.of(
                "领域：通用", // 1
                "一、单选题", // 2
                "1. " + tag + "下列哪一项属于行政处罚？（ ）", // 3
                "A. 警告  B. 罚金  C. 拘役  D. 管制", // 4
                "答案：E", // 5   mistake 1: there is no option E
                "解析：依据《中华人民共和国行政处罚法》第九条。", // 6
                "2. " + tag + "行政处罚由违法行为发生地的行政机关管辖。（ ）", // 7
                "A. 正确", // 8
                "C. 错误", // 9   mistake 2: option letters skip B
                "答案：A", // 10
                "解析：依据《中华人民共和国行政处罚法》第二十二条。", // 11
                "", // 12
                "二、判断题", // 13
                "1. " + tag + "罚款可以由执法人员当场收缴。（ ）", // 14
                "答案：可能", // 15  mistake 3: a true/false answer must be 对 or 错
                "解析：依据《中华人民共和国行政处罚法》第六十八条。"); // 16
        JsonPath p = upload(t, QuestionWord.docx(lines, null), ".docx", QuestionWord.DOCX);
        List<Map<String, Object>> problems = p.getList("problems");
        assertThat(problems).extracting(x -> x.get("line") + "|" + x.get("column"))
                .containsExactly("5|答案", "9|选项", "15|答案");
        assertThat(problems).allSatisfy(x -> assertThat((String) x.get("message")).isNotBlank());
        assertThat(p.getList("created")).isEmpty();
        t.post().when().post("/api/v1/questions/import/" + p.getString("importId") + "/commit").then().statusCode(422)
                .contentType(containsString("application/problem+json"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> QuestionVersion.count("stemMd LIKE ?1", "%" + tag + "%")))
                .isZero();
    }

    @Test
    void plainTextReadsLikeTheDocumentAndTheTemplateIsValid() throws IOException {
        Api t = trainer();
        byte[] template = t.get().when().get("/api/v1/questions/template.docx").then().statusCode(200)
                .header("Content-Disposition", containsString(".docx")).extract().asByteArray();
        JsonPath fromDocx = upload(t, template, ".docx", QuestionWord.DOCX);
        assertThat(fromDocx.getList("problems")).isEmpty();
        assertThat(fromDocx.getInt("rows")).isEqualTo(5);
        byte[] text = String.join("\r\n", QuestionWord.sampleLines()).getBytes(StandardCharsets.UTF_8);
        JsonPath fromText = upload(t, text, ".txt", "text/plain");
        assertThat(fromText.getList("problems")).isEmpty();
        List<String> docxCodes = new java.util.ArrayList<>(fromDocx.getList("created"));
        docxCodes.addAll(fromDocx.getList("unchanged"));
        List<String> textCodes = new java.util.ArrayList<>(fromText.getList("created"));
        textCodes.addAll(fromText.getList("unchanged"));
        assertThat(textCodes).hasSize(5).containsExactlyInAnyOrderElementsOf(docxCodes);

        // the sample shipped in docs/samples is the template and imports cleanly
        byte[] sample = Files.readAllBytes(Path.of("docs/samples/题库导入示例.docx"));
        assertThat(upload(t, sample, ".docx", QuestionWord.DOCX).getList("problems")).isEmpty();

        // a text file where a question comes before any section heading: reported at its line
        byte[] noSection = "题库\n1. 没有题型标题的题目（ ）\n答案：A\n".getBytes(StandardCharsets.UTF_8);
        JsonPath bad = upload(t, noSection, ".txt", "text/plain");
        assertThat(bad.getList("problems")).extracting(x -> ((Map<?, ?>) x).get("line") + "|" + ((Map<?, ?>) x).get("column"))
                .contains("2|题型");
    }
}
