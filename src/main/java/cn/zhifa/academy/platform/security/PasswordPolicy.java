package cn.zhifa.academy.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.config.AcademyConfig;

/**
 * Rules for new passwords, after 等保 2.0 level 3 practice (GB/T 22239-2019 identification and
 * authentication): at least {@code password-min-length} characters; only half-width letters,
 * digits and symbols (no spaces, full-width or control characters); at least
 * {@code password-min-classes} of upper case, lower case, digit, symbol; not containing the
 * username or the employee number (case-insensitive); not on the deny-list of common and
 * published passwords (the built-in {@code security/common-passwords.txt}, the demo password and
 * {@code password-deny-list}). Seeded accounts (demo, bootstrap) are not chosen and not checked.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** The message keys of the rules, in the order they are checked. */
    public static final String ERR_CHARS = "password_err_chars";
    public static final String ERR_WEAK = "password_err_weak";
    public static final String ERR_PERSONAL = "password_err_personal";
    public static final String ERR_COMMON = "password_err_common";

    /** The settings of the policy. */
    public record Rules(int minLength, int minClasses, Set<String> denied) {
    }

    @Inject
    AcademyConfig config;

    private volatile Rules rules;

    /** The message key of the first broken rule, if any. */
    public Optional<String> violation(String password, String username, String employeeNo) {
        return check(password, rules(), username, employeeNo);
    }

    public int minLength() {
        return config.security().passwordMinLength();
    }

    Rules rules() {
        Rules r = rules;
        if (r == null) {
            Set<String> denied = new HashSet<>(builtInDenyList());
            denied.add(normal(config.demo().password()));
            config.security().passwordDenyList().orElse(List.of()).forEach(p -> denied.add(normal(p)));
            r = rules = new Rules(config.security().passwordMinLength(), config.security().passwordMinClasses(),
                    Set.copyOf(denied));
        }
        return r;
    }

    public static Optional<String> check(String password, Rules rules, String username, String employeeNo) {
        if (password == null || password.isEmpty() || !password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return Optional.of(ERR_CHARS);
        }
        int classes = (password.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 1 : 0)
                + (password.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 1 : 0)
                + (password.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (password.length() < rules.minLength() || classes < rules.minClasses()) {
            return Optional.of(ERR_WEAK);
        }
        String lower = normal(password);
        if (contains(lower, username) || contains(lower, employeeNo)) {
            return Optional.of(ERR_PERSONAL);
        }
        if (rules.denied().contains(lower)) {
            return Optional.of(ERR_COMMON);
        }
        return Optional.empty();
    }

    private static boolean contains(String lowerPassword, String personal) {
        if (personal == null || personal.isBlank()) {
            return false;
        }
        String p = normal(personal.trim());
        return p.length() >= 3 && lowerPassword.contains(p);
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static Set<String> builtInDenyList() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream("security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(PasswordPolicy::normal).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
