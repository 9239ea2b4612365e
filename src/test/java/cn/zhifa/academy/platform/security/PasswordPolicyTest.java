package cn.zhifa.academy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 6: every example of the probe is refused, with the rule it breaks; good ones pass. */
class PasswordPolicyTest {

    private static final String USERNAME = "lj-2024017";
    private static final String EMPLOYEE_NO = "330102197";

    private static PasswordPolicy.Rules rules() {
        Set<String> denied = new HashSet<>(PasswordPolicy.builtInDenyList());
        return new PasswordPolicy.Rules(8, 3, denied);
    }

    private static Optional<String> check(String password) {
        return PasswordPolicy.check(password, rules(), USERNAME, EMPLOYEE_NO);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "password1            | password_err_weak",
            "aaaaaaa1             | password_err_weak",
            "1a                   | password_err_weak",
            "Short1!              | password_err_weak",
            "abcdefgh             | password_err_weak",
            "ABCDEFGH12           | password_err_weak",
            "LJ-2024017x          | password_err_personal",
            "lj-2024017A          | password_err_personal",
            "Xy#330102197         | password_err_personal",
            "Demo@2026            | password_err_common",
            "demo@2026            | password_err_common",
            "P@ssw0rd             | password_err_common",
            "Admin@123            | password_err_common",
            "1qaz@WSX             | password_err_common" })
    void refused(String password, String rule) {
        assertThat(check(password.trim())).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = { "      ", " ", "", "Ｐａｓｓｗｏｒｄ１２３", "Pass word-12", "Tab\tbed-Pass1",
            "Null\u0000Pass-1", "警号密码Abc-123", "Zero\u200BWidth-1" })
    void whitespaceFullWidthControlAndNonAsciiCharactersAreRefused(String password) {
        assertThat(check(password)).contains(PasswordPolicy.ERR_CHARS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Kx9#moonlit-Ferry", "river7-Lantern", "STONE-bridge-42", "q7!Rz2#Lm" })
    void goodPasswordsPass(String password) {
        assertThat(check(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Demo@2026" })
    void theDemoPasswordIsOnTheBuiltInList(String demo) {
        assertThat(PasswordPolicy.builtInDenyList()).contains(demo.toLowerCase());
    }

    @org.junit.jupiter.api.Test
    void theSettingsAreHonoured() {
        var lenient = new PasswordPolicy.Rules(6, 2, Set.of("letmein-2"));
        assertThat(PasswordPolicy.check("abcd12", lenient, USERNAME, null)).isEmpty();
        assertThat(PasswordPolicy.check("letmein-2", lenient, USERNAME, null)).contains(PasswordPolicy.ERR_COMMON);
        var strict = new PasswordPolicy.Rules(12, 4, Set.of());
        assertThat(PasswordPolicy.check("Kx9#moonlit", strict, USERNAME, null)).contains(PasswordPolicy.ERR_WEAK);
        assertThat(PasswordPolicy.check("Kx9#moonlit-F", strict, USERNAME, null)).isEmpty();
    }
}
