package cn.zhifa.academy.qualification;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Certificate numbers (证书编号) such as {@code ZF26-7KQ4-M2XD-9PRT-5}: the type's prefix and the
 * two-digit issue year, twelve random Crockford base-32 characters (60 bits from
 * {@link SecureRandom}) and a check character (mod 37, Crockford's check symbols). The random
 * part makes numbers unguessable, so the public verification page cannot be walked to list
 * holders; the check character lets it reject typos without a look-up that means anything.
 */
public final class CertificateNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Crockford's check symbols for values 32–36. */
    static final String CHECK = ALPHABET + "*~$=U";
    static final Pattern FORMAT = Pattern.compile("^[A-Z]{2,4}\\d{2}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-"
            + "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-Z*~$=]$");

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {
    }

    public static String generate(String prefix, int year) {
        StringBuilder random = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        String r = random.toString();
        return prefix + String.format("%02d", year % 100) + "-" + r.substring(0, 4) + "-" + r.substring(4, 8) + "-"
                + r.substring(8) + "-" + check(r);
    }

    /** Check character over the random part. */
    static char check(String random) {
        int mod = 0;
        for (char c : random.toCharArray()) {
            mod = (mod * 32 + ALPHABET.indexOf(c)) % 37;
        }
        return CHECK.charAt(mod);
    }

    /**
     * The canonical form of what someone typed (case, spaces, Crockford's O→0, I/L→1), or empty
     * when it cannot be a number we issued.
     */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 40) {
            return Optional.empty();
        }
        String s = input.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        int dash = s.indexOf('-');
        if (dash < 4) {
            return Optional.empty();
        }
        String head = s.substring(0, dash);
        String tail = s.substring(dash).replace('O', '0').replace('I', '1').replace('L', '1');
        s = head + tail;
        if (!FORMAT.matcher(s).matches()) {
            return Optional.empty();
        }
        String random = s.substring(dash + 1, s.length() - 2).replace("-", "");
        return check(random) == s.charAt(s.length() - 1) ? Optional.of(s) : Optional.empty();
    }
}
