package cn.zhifa.academy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.error.ErrorTexts;

/** The texts of domain errors, without Quarkus: arguments, words that are keys themselves, unknown keys. */
class ErrorTextsTest {

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void argumentsTakeTheirPlaces() {
        assertThat(ErrorTexts.text(ZH, "case.code_taken", "TY-2026-001")).isEqualTo("编号 TY-2026-001 已被使用");
        assertThat(ErrorTexts.text(Locale.ENGLISH, "case.code_taken", "TY-2026-001")).isEqualTo("The code TY-2026-001 is taken");
        assertThat(ErrorTexts.text(ZH, "learning.seek_ahead", 42L)).isEqualTo("不能跳过未观看的内容（已观看到 42 秒）");
        assertThat(ErrorTexts.text(ZH, "case.attachments_max", new BigDecimal("20"))).contains("最多 20 个附件");
    }

    @Test
    void aWordThatIsAKeyIsShownInTheSameLanguage() {
        Object[] args = { "TY-1", 2, ErrorTexts.key("case.status.IN_REVIEW"), ErrorTexts.key("case.action.publish") };
        assertThat(ErrorTexts.text(ZH, "case.wrong_status", args)).isEqualTo("案例 TY-1 第 2 版当前为“待审核”，不能发布");
        assertThat(ErrorTexts.text(Locale.ENGLISH, "case.wrong_status", args))
                .isEqualTo("Version 2 of case TY-1 is \"In review\", so it cannot be published");
    }

    @Test
    void unknownKeysAndMissingArgumentsShowWhatTheyAre() {
        assertThat(ErrorTexts.has("no.such.key")).isFalse();
        assertThat(ErrorTexts.text(ZH, "no.such.key")).isEqualTo("no.such.key");
        assertThat(ErrorTexts.text(ZH, "case.code_taken")).isEqualTo("编号 {0} 已被使用");
        assertThat(ErrorTexts.text(ZH, "content.problem", "{1} stays")).isEqualTo("{1} stays"); // no second substitution
    }
}
