package cn.zhifa.academy.provider;

import java.util.Optional;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (digits and capitals without I, O, S, V, Z); registration authority, organisation
 * type, 6-digit region code, 9-character organisation code, and a MOD 31 check character.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private CreditCodes() {
    }

    /** Why the code is not valid, in the reader's language, or empty when it is. */
    public static Optional<String> problem(String raw) {
        return check("creditCode", raw).map(f -> f.text(ErrorTexts.currentLocale()));
    }

    /**
     * Why the code is not valid, as an error of {@code field} with a key of the {@code errors}
     * bundle, or empty when it is.
     */
    public static Optional<FieldError> check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(new FieldError(field, "credit_code.empty"));
        }
        String code = normalise(raw);
        if (code.length() != 18) {
            return Optional.of(new FieldError(field, "credit_code.length"));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(new FieldError(field, "credit_code.character", String.valueOf(code.charAt(i))));
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of(new FieldError(field, "credit_code.region"));
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return Optional.of(new FieldError(field, "credit_code.check_digit"));
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    public static String normalise(String raw) {
        return raw.trim().toUpperCase();
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
