package cn.zhifa.academy.platform.security;

import java.util.Optional;

/** Password rules for new passwords: a minimum length, letters and digits. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    /** The message key of the first broken rule, if any. */
    public static Optional<String> violation(String password, int minLength) {
        if (password == null || password.length() < minLength) {
            return Optional.of("password_err_weak");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        return letter && digit ? Optional.empty() : Optional.of("password_err_weak");
    }
}
