package cn.zhifa.academy.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.time.Now;

/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit region code,
 * 8-digit birth date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";
    /** First two digits: provinces, autonomous regions, municipalities, HK/MO/TW. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82", "83", "91");

    private ResidentIds() {
    }

    /** Why the number is not valid, in the reader's language, or empty when it is. */
    public static Optional<String> problem(String raw) {
        return check("idNumber", raw).map(f -> f.text(ErrorTexts.currentLocale()));
    }

    /**
     * Why the number is not valid, as an error of {@code field} with a key of the {@code errors}
     * bundle, or empty when it is (normalised: trimmed, x → X).
     */
    public static Optional<FieldError> check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(new FieldError(field, "resident_id.empty"));
        }
        String id = normalise(raw);
        if (!id.matches("\\d{17}[0-9X]")) {
            return Optional.of(new FieldError(field, "resident_id.form"));
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return Optional.of(new FieldError(field, "resident_id.region"));
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.isAfter(Now.today()) || birth.getYear() < 1900) {
                return Optional.of(new FieldError(field, "resident_id.birth_date"));
            }
        } catch (DateTimeException e) {
            return Optional.of(new FieldError(field, "resident_id.birth_date"));
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return Optional.of(new FieldError(field, "resident_id.check_digit"));
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    public static String normalise(String raw) {
        return raw.trim().toUpperCase();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Shown instead of the number: region and check character only, e.g. 330203************1X. */
    public static String mask(String raw) {
        String id = normalise(raw);
        return id.substring(0, 6) + "*".repeat(10) + id.substring(16);
    }
}
