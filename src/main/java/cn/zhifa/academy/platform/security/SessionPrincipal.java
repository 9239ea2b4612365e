package cn.zhifa.academy.platform.security;

import java.security.Principal;

/**
 * The principal name a session cookie carries: {@code <username>|<session epoch>}. Quarkus' form
 * login stores the identity's principal name in the encrypted cookie and hands it back on every
 * request, so the epoch travels with the session and cannot be forged. Code that wants the
 * username calls {@link #username(Principal)}.
 */
public final class SessionPrincipal {

    static final char SEPARATOR = '|';

    private SessionPrincipal() {
    }

    public static String name(String username, long epoch) {
        return username + SEPARATOR + epoch;
    }

    /** The username, without the epoch (names without one, as test identities have, unchanged). */
    public static String username(String name) {
        int i = epochStart(name);
        return i < 0 ? name : name.substring(0, i);
    }

    public static String username(Principal principal) {
        return principal == null ? null : username(principal.getName());
    }

    /** The epoch, or -1 when the name carries none (a cookie from before epochs: refused). */
    public static long epoch(String name) {
        int i = epochStart(name);
        return i < 0 ? -1 : Long.parseLong(name.substring(i + 1));
    }

    private static int epochStart(String name) {
        if (name == null) {
            return -1;
        }
        int i = name.lastIndexOf(SEPARATOR);
        if (i <= 0 || i == name.length() - 1 || name.length() - i > 19) {
            return -1;
        }
        for (int k = i + 1; k < name.length(); k++) {
            if (!Character.isDigit(name.charAt(k)) || name.charAt(k) > '9') {
                return -1;
            }
        }
        return i;
    }
}
