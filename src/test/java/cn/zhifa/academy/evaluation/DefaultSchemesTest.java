package cn.zhifa.academy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The default schemes read from their resource file: the content the Java used to hold, and valid. */
class DefaultSchemesTest {

    @Test
    void theAuxiliarySchemeIsReadAsBefore() {
        SchemeService.SchemeInput s = DefaultSchemes.auxiliary(7);
        assertThat(s.code()).isEqualTo("FZRY-ZRZKH");
        assertThat(s.owningUnitId()).isEqualTo(7L);
        assertThat(s.subjectKind()).isEqualTo(SubjectKind.AUXILIARY);
        assertThat(s.cycle()).isEqualTo(Cycle.ANNUAL);
        assertThat(s.items()).extracting(SchemeService.ItemInput::code).containsExactly("GZSJ", "JLZF", "YWNL", "XXPX", "QZPJ");
        assertThat(s.items().get(2).source()).isEqualTo(ItemSource.EXAM_SCORE);
        assertThat(s.items().get(2).param()).isEqualTo("AUXILIARY,ANNUAL");
        assertThat(s.items().get(0).param()).isNull();
        assertThat(s.items().get(0).weight()).isEqualByComparingTo(BigDecimal.valueOf(35));
        assertThat(s.bands()).hasSize(4);
        assertThat(s.bands().get(3).flagConsecutive()).isEqualTo(2);
        assertThat(s.bands().get(0).flagConsecutive()).isNull();
        assertThat(s.bands().get(1).consequence()).isEmpty();
        SchemeService.validate(s);
    }

    @Test
    void theProviderSchemeIsReadAsBefore() {
        SchemeService.SchemeInput s = DefaultSchemes.provider(3);
        assertThat(s.code()).isEqualTo("DSFJG-XYPJ");
        assertThat(s.subjectKind()).isEqualTo(SubjectKind.PROVIDER);
        assertThat(s.items()).extracting(SchemeService.ItemInput::maxScore).extracting(BigDecimal::intValue)
                .containsExactly(70, 10, 20);
        assertThat(s.bands()).extracting(SchemeService.BandInput::label).containsExactly("AA", "A", "B", "C", "D");
        SchemeService.validate(s);
    }
}
