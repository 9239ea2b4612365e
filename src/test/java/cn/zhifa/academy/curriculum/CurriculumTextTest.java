package cn.zhifa.academy.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The curriculum bundle: what goes into records stays the Chinese it was, unescaped; pages follow the reader. */
@QuarkusTest
class CurriculumTextTest {

    @Test
    void recordsKeepTheirChineseTextsVerbatim() {
        CurriculumMessages r = CurriculumText.records();
        assertThat(r.record_course_completed("A&B <执法>")).isEqualTo("完成课程《A&B <执法>》");
        assertThat(r.record_renewal_plan_title(2026, "行政处罚法 & 程序")).isEqualTo("2026 年换证培训：行政处罚法 & 程序");
        assertThat(r.record_demo_plan_title(2026)).isEqualTo("2026 年度行政执法人员法治培训");
        assertThat(r.record_offline_hours("集中培训 \"一\"", LocalDate.of(2026, 3, 1))).isEqualTo("集中培训 \"一\"（2026-03-01）");
        assertThat(r.record_no_longer_audience()).isEqualTo("不再属于培训对象");
    }

    @Test
    void pagesFollowTheReader() {
        assertThat(CurriculumText.of(Locale.forLanguageTag("zh-CN")).import_done(1, 2, 3))
                .isEqualTo("导入完成：新增 1 门，新版本 2 门，无变化 3 门");
        assertThat(CurriculumText.of(Locale.ENGLISH).published_version(4)).isEqualTo("Version 4 published");
        assertThat(CurriculumText.now().xlsx_hours_of_year(2026)).isEqualTo("2026年学时");
    }
}
