package cn.zhifa.academy.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.provider.CreditCodes;

/** GB 11643 (resident ID) and GB 32100 (unified social credit code) check characters. */
class ValidatorsTest {

    @Test
    void residentIdsWithCorrectCheckCharactersPass() {
        assertThat(ResidentIds.problem("11010519491231002X")).isEmpty(); // the standard's own example
        assertThat(ResidentIds.problem("11010519491231002x")).as("lower-case x").isEmpty();
        assertThat(ResidentIds.problem("330203199003120516")).isEmpty();
        assertThat(ResidentIds.problem(" 33020319970530095X ")).as("trimmed").isEmpty();
    }

    @Test
    void residentIdsAreRefusedWithTheReason() {
        assertThat(ResidentIds.problem("110105194912310021")).contains("身份证号校验位错误");
        assertThat(ResidentIds.problem("330203199002300512")).contains("身份证号出生日期无效"); // 30 February
        assertThat(ResidentIds.problem("99020319900312051X")).contains("身份证号地区码无效");
        assertThat(ResidentIds.problem("3302031990031205")).get().asString().contains("18 位");
        assertThat(ResidentIds.problem("33020319900312051A")).get().asString().contains("18 位");
        assertThat(ResidentIds.problem("")).contains("身份证号为空");
    }

    @Test
    void residentIdsAreMaskedKeepingNoBirthDate() {
        assertThat(ResidentIds.mask("11010519491231002X")).isEqualTo("110105**********2X");
    }

    @Test
    void realCreditCodesPass() {
        // published codes of well-known companies
        assertThat(CreditCodes.problem("914403001922038216")).isEmpty();
        assertThat(CreditCodes.problem("9144030071526726XG")).isEmpty();
        assertThat(CreditCodes.problem("91330100799655058B")).isEmpty();
        assertThat(CreditCodes.problem("91110000802100433b")).as("lower case").isEmpty();
    }

    @Test
    void creditCodesAreRefusedWithTheReason() {
        assertThat(CreditCodes.problem("914403001922038217")).contains("统一社会信用代码校验位错误");
        assertThat(CreditCodes.problem("91440300192203821")).contains("统一社会信用代码应为 18 位");
        assertThat(CreditCodes.problem("9144030019220382I6")).get().asString().contains("无效字符");
        assertThat(CreditCodes.problem("91AB03001922038216")).get().asString().contains("行政区划码");
    }

    @Test
    void generatedCheckCharactersRoundTrip() {
        String first17 = "91330203MA2004101";
        assertThat(CreditCodes.isValid(first17 + CreditCodes.checkCharacter(first17))).isTrue();
        String id17 = "33020319881120073";
        assertThat(ResidentIds.isValid(id17 + ResidentIds.checkCharacter(id17))).isTrue();
    }
}
