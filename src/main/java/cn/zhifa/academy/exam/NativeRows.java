package cn.zhifa.academy.exam;

import java.time.Instant;

/** Values of native query rows, whatever type the JDBC driver hands out for them. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A timestamp column as an instant (Instant, Timestamp or OffsetDateTime). */
    public static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o);
    }
}
